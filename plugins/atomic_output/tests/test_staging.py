import logging
from types import SimpleNamespace

import pytest

from atomic_output.staging import BuildFailed, publish, stage


def make_site(tmp_path):
    output = tmp_path / "output"
    output.mkdir()
    (output / "index.html").write_text("ancien site", encoding="utf-8")
    pelican = SimpleNamespace(output_path=str(output))
    stage(pelican)
    return pelican, output


def test_build_goes_to_staging_then_replaces_output(tmp_path):
    pelican, output = make_site(tmp_path)
    assert pelican.output_path.endswith("output.staging")
    (tmp_path / "output.staging" / "index.html").write_text("nouveau site", encoding="utf-8")
    publish(pelican)
    assert (output / "index.html").read_text(encoding="utf-8") == "nouveau site"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["output"]


def test_an_error_logged_during_the_build_keeps_the_old_output(tmp_path):
    pelican, output = make_site(tmp_path)
    (tmp_path / "output.staging" / "index.html").write_text("à moitié", encoding="utf-8")
    logging.getLogger("pelican.writers").error("template introuvable")
    with pytest.raises(BuildFailed, match="1 erreur"):
        publish(pelican)
    assert (output / "index.html").read_text(encoding="utf-8") == "ancien site"


def test_first_build_without_previous_output(tmp_path):
    pelican = SimpleNamespace(output_path=str(tmp_path / "output"))
    stage(pelican)
    (tmp_path / "output.staging" / "404.html").write_text("x", encoding="utf-8")
    publish(pelican)
    assert (tmp_path / "output" / "404.html").exists()
