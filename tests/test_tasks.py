"""The invoke tasks editors and maintainers run: fetch-noc, check, new-metier."""

from __future__ import annotations

import functools
import http.server
import shutil
import subprocess
import sys
import threading

import pytest

from conftest import FIXTURES, ROOT
from content_model.validate import validate_content


def invoke(*args, input_text=None):
    return subprocess.run(
        [sys.executable, "-m", "invoke", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        input=input_text,
        timeout=120,
    )


@pytest.fixture
def http_server(noc_dir):
    """Serve the shared NOC copy on 127.0.0.1, as Statistics Canada would serve its CSV."""
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(noc_dir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_fetch_noc_downloads_and_checks_the_list(http_server, tmp_path):
    dest = tmp_path / "data" / "cnp.csv"
    result = invoke("fetch-noc", "--url", f"{http_server}/noc2021_unit_groups.csv", "--dest", str(dest))
    assert result.returncode == 0, result.stderr
    assert "516 groupes de base" in result.stdout
    assert "42201," in dest.read_text(encoding="utf-8")


def test_fetch_noc_refuses_a_page_that_is_not_the_list(http_server, tmp_path):
    dest = tmp_path / "cnp.csv"
    result = invoke("fetch-noc", "--url", f"{http_server}/README.md", "--dest", str(dest))
    assert result.returncode != 0 and not dest.exists()


def test_check_lists_problems_and_fails(tmp_path):
    result = invoke("check", "--content", str(FIXTURES / "bad"))
    assert result.returncode == 1
    assert "secteurs: secteur inconnu (culture-inexistante)" in result.stderr


def test_check_passes_on_valid_content():
    result = invoke("check", "--content", str(FIXTURES / "valid"))
    assert result.returncode == 0, result.stderr
    assert "Contenu valide." in result.stdout


def test_new_metier_writes_a_valid_profile(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "valid", content)
    result = invoke(
        "new-metier",
        "Aide-cuisinier·ère",
        "--content",
        str(content),
        input_text="65201\nsecurite-alimentaire\n",
    )
    assert result.returncode == 0, result.stderr
    created = content / "metiers" / "aide-cuisinier.md"
    assert created.exists()
    assert validate_content(content) == []
    assert "cuisinier" in created.read_text(encoding="utf-8")  # a neighbour proposed as related


def test_new_metier_reports_an_unknown_sector_with_a_suggestion(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "valid", content)
    result = invoke(
        "new-metier", "Cuisinier·ère de CPE", "--content", str(content), input_text="63200\npetite-enfanse\n"
    )
    assert result.returncode == 1
    assert "secteur inconnu ; vouliez-vous dire « petite-enfance » ? (petite-enfanse)" in result.stderr
