import logging
from types import SimpleNamespace

import pytest

from plugins.atomic_output.staging import publish, stage
from plugins.content_model.build import BuildStopped


def make_site(tmp_path, old=True):
    output = tmp_path / "output"
    if old:
        output.mkdir()
        (output / "index.html").write_text("ancien site", encoding="utf-8")
    pelican = SimpleNamespace(output_path=str(output), settings={"OUTPUT_PATH": str(output)})
    stage(pelican)
    return pelican, output


def test_build_goes_to_staging_then_replaces_output(tmp_path):
    pelican, output = make_site(tmp_path)
    assert pelican.output_path.endswith("output.staging")
    (tmp_path / "output.staging" / "index.html").write_text("nouveau site", encoding="utf-8")
    publish(pelican)
    assert (output / "index.html").read_text(encoding="utf-8") == "nouveau site"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["output"]
    assert oct((output / "index.html").stat().st_mode & 0o777) == "0o644"


def test_an_error_logged_during_the_build_keeps_the_old_output(tmp_path):
    pelican, output = make_site(tmp_path)
    (tmp_path / "output.staging" / "index.html").write_text("à moitié", encoding="utf-8")
    logging.getLogger("pelican.writers").error("template introuvable")
    with pytest.raises(BuildStopped, match="1 erreur"):
        publish(pelican)
    assert (output / "index.html").read_text(encoding="utf-8") == "ancien site"


def test_first_build_without_previous_output(tmp_path):
    pelican, output = make_site(tmp_path, old=False)
    (tmp_path / "output.staging" / "404.html").write_text("x", encoding="utf-8")
    publish(pelican)
    assert (output / "404.html").exists()


def test_leftovers_of_an_interrupted_build_are_cleared_even_as_plain_files(tmp_path):
    (tmp_path / "output.staging").write_text("reste", encoding="utf-8")
    (tmp_path / "output.old").write_text("reste", encoding="utf-8")
    pelican, output = make_site(tmp_path)
    (tmp_path / "output.staging" / "index.html").write_text("nouveau", encoding="utf-8")
    publish(pelican)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["output"]


def test_a_second_build_in_the_same_process_stages_again(tmp_path):
    """Autoreload: the same Pelican object builds again after a failed build."""
    pelican, output = make_site(tmp_path)
    stage(pelican)  # the previous build stopped before publishing
    assert pelican.output_path.endswith("output.staging")
    (tmp_path / "output.staging" / "index.html").write_text("deuxième", encoding="utf-8")
    publish(pelican)
    assert (output / "index.html").read_text(encoding="utf-8") == "deuxième"
