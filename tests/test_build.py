"""Build the fixture corpus with the real settings and check pages, URLs and failure behaviour."""

from __future__ import annotations

import re
import shutil
from html import unescape
from html.parser import HTMLParser

from conftest import FIXTURES, ROOT, run_build, tree_digest


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs = []

    def handle_starttag(self, tag, attrs):
        self.hrefs += [v for k, v in attrs if k in ("href", "src") and v]


def internal_links(site):
    for page in site.rglob("*.html"):
        parser = Links()
        parser.feed(page.read_text(encoding="utf-8"))
        for href in parser.hrefs:
            if href.startswith("/"):
                yield page, href


def test_every_page_has_a_pretty_url(fixture_site):
    expected = {
        "index.html",
        "404.html",
        "metiers/index.html",
        "secteurs/index.html",
        "cnp/index.html",
        "recherche/index.html",
        "a-propos/index.html",
        "sitemap.xml",
        "metiers/cuisinier/index.html",
        "secteurs/petite-enfance/index.html",
        "cnp/63200/index.html",
    }
    assert expected <= set(tree_digest(fixture_site))
    for page, href in internal_links(fixture_site):
        assert not href.split("#")[0].split("?")[0].endswith(".html"), (page, href)


def test_every_internal_link_resolves(fixture_site):
    for page, href in internal_links(fixture_site):
        path = href.split("#")[0].split("?")[0]
        target = fixture_site / path.lstrip("/")
        assert (target / "index.html").exists() or target.is_file(), f"{page}: broken link {href}"


def test_profile_page_shows_official_title_codes_sectors_and_steps(fixture_site):
    html = (fixture_site / "metiers/cuisinier/index.html").read_text(encoding="utf-8")
    assert '<html lang="fr-CA">' in html
    assert "<h1>Cuisinier·ère</h1>" in html
    assert "Cuisiniers/cuisinières" in html  # official NOC 2021 French title
    assert 'href="/recherche/?cnp=63200"' in html and 'href="/recherche/?cnp=6322"' in html
    assert 'href="/secteurs/securite-alimentaire/">Sécurité alimentaire</a>' in html
    # Training as alternatives grouped by level, each program linked to its official page.
    assert re.search(r'<h3 id="formation-1">Formation professionnelle</h3>\s*<ul class="programmes">', html)
    assert 'href="https://www.admissionfp.com/programmes-et-formations/dep/5311"' in html
    assert "content/metiers/cuisinier.md" in html  # "Modifier cette fiche"


def test_sector_page_lists_its_profiles_in_alphabetical_order(fixture_site):
    html = (fixture_site / "secteurs/petite-enfance/index.html").read_text(encoding="utf-8")
    titles = re.findall(r'class="card-title"><a href="/metiers/[^"]+/">([^<]+)</a>', html)
    assert titles == ["Cuisinier·ère", "Éducatrice / éducateur à la petite enfance"]


def test_cnp_page_groups_by_broad_category_and_teer(fixture_site):
    html = (fixture_site / "cnp/index.html").read_text(encoding="utf-8")
    headings = [unescape(h) for h in re.findall(r"<h[23][^>]*>([^<]+)</h[23]>", html)]
    assert headings[:2] == [
        "4 – Enseignement, droit et services sociaux, communautaires et gouvernementaux",
        "FEER 2 : Diplôme collégial, programme d'apprentissage de deux ans ou plus, ou fonctions de supervision",
    ]
    assert "6 – Vente et services" in headings


def test_sitemap_lists_every_page(fixture_site):
    sitemap = (fixture_site / "sitemap.xml").read_text(encoding="utf-8")
    locs = re.findall(r"<loc>([^<]+)</loc>", sitemap)
    assert "/metiers/cuisinier/" in locs and "/secteurs/aide-a-domicile/" in locs and "/cnp/44101/" in locs
    assert not any(loc.endswith(".html") for loc in locs)


def test_bad_content_stops_the_build_and_leaves_output_untouched(tmp_path, noc_csv, fixture_site):
    output = tmp_path / "output"
    shutil.copytree(fixture_site, output)
    before = tree_digest(output)
    result = run_build(FIXTURES / "bad", output, noc_csv)
    assert result.returncode != 0
    assert "metiers/cuisinier.md" in result.stderr
    assert "cnp: ce code n'existe pas dans la CNP 2021 (99999)" in result.stderr
    assert "secteurs: secteur inconnu" in result.stderr and "(culture-inexistante)" in result.stderr
    assert "Traceback" not in result.stderr
    assert tree_digest(output) == before


def test_publish_settings_give_absolute_urls_and_minified_pages(tmp_path, noc_csv):
    output = tmp_path / "prod"
    result = run_build(FIXTURES / "valid", output, noc_csv, settings="publishconf.py")
    assert result.returncode == 0, result.stderr
    html = (output / "metiers/cuisinier/index.html").read_text(encoding="utf-8")
    assert "href=https://faislesaut.csmoesac.qc.ca/metiers/educatrice-a-la-petite-enfance/>" in html
    assert "\n  " not in html  # indentation removed
    sitemap = (output / "sitemap.xml").read_text(encoding="utf-8")
    assert "<loc>https://faislesaut.csmoesac.qc.ca/metiers/cuisinier/</loc>" in sitemap
    # Fingerprinted CSS, JS and search files, each referenced by the pages, each with .br and .gz.
    css = re.search(
        r"href=https://faislesaut.csmoesac.qc.ca/(theme/css/main\.[0-9a-f]{10}\.css)", html
    ).group(1)
    search = (output / "recherche/index.html").read_text(encoding="utf-8")
    script = re.search(
        r"src=https://faislesaut.csmoesac.qc.ca/(recherche/moteur\.[0-9a-f]{10}\.js)", search
    ).group(1)
    for name in (css, script, "metiers/cuisinier/index.html", "sitemap.xml"):
        assert (
            (output / name).is_file()
            and (output / f"{name}.br").is_file()
            and (output / f"{name}.gz").is_file()
        )
    headers = (output / "_headers").read_text(encoding="utf-8")
    assert f"/{css}\n  Cache-Control: public, max-age=31536000, immutable" in headers
    assert "/*\n  Cache-Control: public, max-age=300, must-revalidate" in headers


def test_plugins_load_in_any_order(tmp_path, fixture_site):
    from pelicanconf import PLUGINS

    output = tmp_path / "output"
    result = run_build(FIXTURES / "valid", output, PLUGINS=list(reversed(PLUGINS)))
    assert result.returncode == 0, result.stderr
    assert tree_digest(output) == tree_digest(fixture_site)


def test_two_builds_in_one_pelican_process_like_autoreload(tmp_path, monkeypatch):
    """Autoreload runs the same Pelican object again: every build reads, checks and publishes
    anew; a bad edit stops that build only, and the last good site stays published."""
    import pytest
    from pelican import Pelican
    from pelican.settings import read_settings

    from plugins.content_model import body
    from plugins.content_model.build import ContentError

    conversions = []
    original = body.BodyConverter.convert
    monkeypatch.setattr(
        body.BodyConverter, "convert", lambda self, text: conversions.append(1) or original(self, text)
    )
    content, output = tmp_path / "content", tmp_path / "output"
    shutil.copytree(FIXTURES / "valid", content)
    settings = read_settings(
        str(ROOT / "pelicanconf.py"),
        override={"PATH": str(content), "OUTPUT_PATH": str(output), "CACHE_PATH": str(tmp_path / "cache")},
    )
    pelican = Pelican(settings)
    pelican.run()
    assert len(conversions) == 6  # 3 profiles + 3 sectors: each body converted once
    profile = content / "metiers" / "cuisinier.md"
    profile.write_text(
        profile.read_text(encoding="utf-8").replace("Prépare des repas sains", "Cuisine des repas sains"),
        encoding="utf-8",
    )
    pelican.run()
    assert len(conversions) == 7  # only the edited file is converted again
    page = output / "metiers" / "cuisinier" / "index.html"
    assert "Cuisine des repas sains" in page.read_text(encoding="utf-8")
    good = tree_digest(output)
    profile.write_text(
        profile.read_text(encoding="utf-8").replace('cnp: "63200"', 'cnp: "99999"'), encoding="utf-8"
    )
    with pytest.raises(ContentError):
        pelican.run()
    assert tree_digest(output) == good
    profile.write_text(
        profile.read_text(encoding="utf-8").replace('cnp: "99999"', 'cnp: "63200"'), encoding="utf-8"
    )
    pelican.run()
    assert "Cuisine des repas sains" in page.read_text(encoding="utf-8")
