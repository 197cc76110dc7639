"""Two builds of the same commit give identical files, feeds and sitemap included."""

from conftest import ROOT, run_build, tree_digest


def test_two_builds_are_byte_for_byte_identical(real_site, tmp_path, noc_csv):
    again = tmp_path / "again"
    result = run_build(ROOT / "content", again, noc_csv)
    assert result.returncode == 0, result.stderr
    first, second = tree_digest(real_site), tree_digest(again)
    assert {"sitemap.xml", "flux/metiers.atom.xml", "donnees/metiers.json", "donnees/metiers.csv"} <= set(
        first
    )
    assert first.keys() == second.keys()
    assert [path for path in first if first[path] != second[path]] == []
