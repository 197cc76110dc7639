import datetime
from types import SimpleNamespace as Obj

from plugins.sitemap_xml.sitemap import entries, render


def article(slug, day, secteurs, cnp="42201"):
    return Obj(url=f"metiers/{slug}/", date=datetime.datetime.fromisoformat(day), secteurs=secteurs, cnp=cnp)


def test_listing_pages_take_the_latest_profile_date_not_the_build_time():
    items = dict(
        entries(
            [article("a", "2026-01-05", ["x"]), article("b", "2026-03-01", ["y"])],
            [Obj(url="secteurs/x/", slug="x")],
            ["", "metiers/"],
        )
    )
    assert items["metiers/a/"] == "2026-01-05"
    assert items["secteurs/x/"] == "2026-01-05"
    assert items[""] == items["metiers/"] == items["cnp/42201/"] == "2026-03-01"


def test_render_is_a_valid_urlset_with_absolute_urls():
    xml = render("https://exemple.qc.ca", [("metiers/a/", "2026-01-05")])
    assert "<loc>https://exemple.qc.ca/metiers/a/</loc><lastmod>2026-01-05</lastmod>" in xml
    assert xml.startswith('<?xml version="1.0" encoding="utf-8"?>')
