"""Snapshots of the fixture site, like Pelican's own output comparison: a rendered profile and
the search index. A change to either is a decision: regenerate them with `invoke snapshots`
and review the diff."""

from conftest import ROOT

SNAPSHOTS = ROOT / "tests" / "snapshots"
FILES = {
    "metier-cuisinier.html": "metiers/cuisinier/index.html",
    "recherche-index.json": "recherche/index.json",
}


def test_rendered_profile_and_search_index_match_their_snapshots(fixture_site):
    for snapshot, built in FILES.items():
        expected = (SNAPSHOTS / snapshot).read_text(encoding="utf-8")
        assert (fixture_site / built).read_text(encoding="utf-8") == expected, f"{built}: invoke snapshots"
