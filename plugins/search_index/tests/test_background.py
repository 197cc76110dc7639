"""A large site's search files are made in another process while the pages are written: the
site is byte for byte the one made in a single process (fingerprinted names included)."""

from pathlib import Path

from plugins.search_index import publish

CONTENT = Path(__file__).resolve().parents[3] / "content"


def test_search_files_made_in_another_process_give_the_same_site(
    tmp_path, monkeypatch, build_here, folder_digest, caplog
):
    here = build_here(CONTENT, tmp_path / "ici" / "output", settings="publishconf.py", SITEURL="")
    assert here.returncode == 0, here.stderr
    monkeypatch.setattr(publish, "PARALLEL_FROM", 1)  # the real site is below the threshold
    there = build_here(CONTENT, tmp_path / "ailleurs" / "output", settings="publishconf.py", SITEURL="")
    assert there.returncode == 0, there.stderr
    site = folder_digest(tmp_path / "ici" / "output")
    assert any(name.startswith("recherche/textes-") for name in site)
    assert folder_digest(tmp_path / "ailleurs" / "output") == site


def test_a_failure_while_making_them_stops_the_build_and_keeps_the_old_site(
    tmp_path, monkeypatch, build_here, folder_digest, caplog
):
    output = tmp_path / "site" / "output"
    assert build_here(CONTENT, output).returncode == 0
    before = folder_digest(output)
    monkeypatch.setattr(publish, "PARALLEL_FROM", 1)

    def broken(*args):
        raise OSError("disque plein")

    monkeypatch.setattr(publish, "payloads", broken)
    result = build_here(CONTENT, output)
    assert result.returncode != 0
    assert "OSError: disque plein" in caplog.text  # the worker's traceback, said here
    assert folder_digest(output) == before
