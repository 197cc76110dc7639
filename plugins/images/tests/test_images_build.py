"""One build of the fixture corpus (plus an illustration) through Pelican with the real settings."""

import re
import shutil
from pathlib import Path

import pytest
from PIL import Image

FIXTURES = Path(__file__).resolve().parents[3] / "tests" / "fixtures"


@pytest.fixture(scope="module")
def built(tmp_path_factory, noc_csv, build_site):
    root = tmp_path_factory.mktemp("images-build")
    content = root / "content"
    shutil.copytree(FIXTURES / "valid", content)
    (content / "images").mkdir()
    Image.new("RGB", (1600, 900), (40, 110, 80)).save(
        content / "images" / "cuisine-collective.jpg", quality=90
    )
    profile = content / "metiers" / "cuisinier.md"
    text = profile.read_text(encoding="utf-8")
    profile.write_text(
        text.replace(
            "updated:",
            'illustration: cuisine-collective.jpg\nillustration_alt: "Une cuisine collective"\nupdated:',
            1,
        ),
        encoding="utf-8",
    )
    cache = root / "cache"
    result = build_site(content, root / "output", noc_csv, CACHE_PATH=str(cache))
    assert result.returncode == 0, result.stderr
    return root, content, cache


def size(path):
    with Image.open(path) as image:
        return image.size


def test_every_profile_sector_and_the_site_get_a_1200_by_630_card(built):
    output = built[0] / "output"
    cards = sorted(p.relative_to(output).as_posix() for p in output.glob("cartes/**/*.png"))
    assert cards == [
        "cartes/fais-le-saut.png",
        "cartes/metiers/cuisinier.png",
        "cartes/metiers/educatrice-a-la-petite-enfance.png",
        "cartes/metiers/prepose-d-aide-a-domicile.png",
        "cartes/secteurs/aide-a-domicile.png",
        "cartes/secteurs/petite-enfance.png",
        "cartes/secteurs/securite-alimentaire.png",
    ]
    for card in cards:
        assert size(output / card) == (1200, 630)


def test_illustration_has_responsive_webp_and_jpeg_sizes(built):
    output = built[0] / "output"
    html = (output / "metiers/cuisinier/index.html").read_text(encoding="utf-8")
    picture = re.search(r"<picture>.*?</picture>", html, re.S).group(0)
    webp = re.search(r'<source type="image/webp" srcset="([^"]+)"', picture).group(1)
    assert [entry.split()[1] for entry in webp.split(", ")] == ["480w", "768w", "1536w"]
    img = re.search(r"<img [^>]+>", picture).group(0)
    assert 'width="1536" height="864"' in img
    assert 'loading="lazy"' in img and 'alt="Une cuisine collective"' in img
    for url in re.findall(r"(/images/tailles/[^ \"]+)", picture):
        assert size(output / url.lstrip("/"))[0] == int(re.search(r"-(\d+)\.", url).group(1))


def test_an_unchanged_card_is_not_drawn_again(built, noc_csv, build_site):
    root, content, cache = built
    before = {p.name: p.stat().st_mtime_ns for p in cache.glob("images/*.png")}
    result = build_site(content, root / "again", noc_csv, CACHE_PATH=str(cache))
    assert result.returncode == 0, result.stderr
    assert {p.name: p.stat().st_mtime_ns for p in cache.glob("images/*.png")} == before
    first, again = root / "output" / "cartes", root / "again" / "cartes"
    for card in first.rglob("*.png"):
        assert card.read_bytes() == (again / card.relative_to(first)).read_bytes()

    profile = content / "metiers" / "educatrice-a-la-petite-enfance.md"
    text = profile.read_text(encoding="utf-8")
    profile.write_text(text.replace('title: "', 'title: "Nouvelle ', 1), encoding="utf-8")
    result = build_site(content, root / "edited", noc_csv, CACHE_PATH=str(cache))
    assert result.returncode == 0, result.stderr
    added = {p.name for p in cache.glob("images/*.png")} - set(before)
    assert len(added) == 1  # only that profile's card is redrawn
    assert size(root / "edited/cartes/metiers/educatrice-a-la-petite-enfance.png") == (1200, 630)
