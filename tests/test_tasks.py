"""The invoke tasks editors and maintainers run: check, new-metier, fetch-noc."""

from __future__ import annotations

import functools
import http.server
import shutil
import subprocess
import sys
import threading

import pytest

from conftest import FIXTURES, ROOT


def invoke(*args, input_text=None, env=None):
    return subprocess.run(
        [sys.executable, "-m", "invoke", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        input=input_text,
        timeout=120,
        env=env,
    )


@pytest.fixture
def http_server(noc_dir):
    """Serve the committee's NOC copy on 127.0.0.1, as a publisher would serve its files."""
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(noc_dir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_fetch_noc_replaces_the_five_files_together(http_server, tmp_path):
    dest = tmp_path / "cnp"
    result = invoke("fetch-noc", "--source", http_server, "--dest", str(dest))
    assert result.returncode == 0, result.stderr
    assert "516 groupes de base" in result.stdout
    assert sorted(p.name for p in dest.iterdir()) == sorted(p.name for p in (ROOT / "data" / "cnp").iterdir())


def test_fetch_noc_offline_or_wrong_files_says_so_and_leaves_nothing(http_server, tmp_path):
    dest = tmp_path / "cnp"
    dest.mkdir()
    (dest / "noc2021_unit_groups.csv").write_text("ancien", encoding="utf-8")
    for source in (f"{http_server}/absent", "http://127.0.0.1:9/"):
        result = invoke("fetch-noc", "--source", source, "--dest", str(dest))
        assert result.returncode == 1 and "Traceback" not in result.stderr
        assert "data/cnp/ est inchangé" in result.stderr and len(result.stderr.strip().splitlines()) == 1
        assert [p.name for p in dest.iterdir()] == ["noc2021_unit_groups.csv"]
        assert (dest / "noc2021_unit_groups.csv").read_text(encoding="utf-8") == "ancien"


def test_check_lists_problems_and_fails_without_traceback():
    result = invoke("check", "--content", str(FIXTURES / "bad"))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "secteurs: secteur inconnu" in result.stderr and "(culture-inexistante)" in result.stderr


def test_check_as_pull_request_annotations(tmp_path):
    summary = tmp_path / "summary.md"
    env = dict(__import__("os").environ, GITHUB_STEP_SUMMARY=str(summary))
    result = invoke("check", "--content", str(FIXTURES / "bad"), "--format", "github", env=env)
    assert result.returncode == 1
    assert (
        "::error file=bad/metiers/cuisinier.md,line=3,title=cnp::ce code n'existe pas dans la CNP 2021 (99999)"
        in result.stdout
    )
    assert "problème(s) dans 1 fichier(s)" in summary.read_text(encoding="utf-8")


def test_check_passes_on_valid_content():
    result = invoke("check", "--content", str(FIXTURES / "valid"))
    assert result.returncode == 0, result.stderr
    assert "Contenu valide." in result.stdout


def test_new_metier_writes_a_skeleton_that_is_reported_incomplete(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "valid", content)
    result = invoke(
        "new-metier",
        "Aide-cuisinier·ère",
        "--content",
        str(content),
        input_text="65201\nsecurite-alimentaire\n",
    )
    created = content / "metiers" / "aide-cuisinier.md"
    assert result.returncode == 0 and created.exists()
    assert "Contenu valide" not in result.stdout and "à régler avant la publication" in result.stdout
    assert "Une journée type" in result.stdout
    assert "related:\n- cuisinier" in created.read_text(encoding="utf-8")  # a neighbour of the same sector
    check = invoke("check", "--content", str(content))
    assert check.returncode == 1 and "aide-cuisinier.md" in check.stderr


def test_new_metier_refuses_an_option_as_title_and_an_unknown_sector(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "valid", content)
    result = invoke(
        "new-metier",
        "--content",
        str(content),
        "--titre=--help",
        "--cnp",
        "63200",
        "--secteurs",
        "petite-enfance",
    )
    assert result.returncode != 0 and not (content / "metiers" / "help.md").exists()
    result = invoke(
        "new-metier", "Cuisinier·ère de CPE", "--content", str(content), input_text="63200\npetite-enfanse\n"
    )
    assert result.returncode == 1
    assert "secteur inconnu ; valeurs proches : petite-enfance" in result.stderr
    assert sorted(p.name for p in (content / "metiers").iterdir()) == sorted(
        p.name for p in (FIXTURES / "valid" / "metiers").iterdir()
    )


@pytest.mark.browser
def test_serve_rebuilds_after_an_edit_and_the_page_reloads(tmp_path, browser):
    """An editor saves a profile while `invoke serve` runs: the open page shows the change."""
    import socket
    import time
    import urllib.error
    import urllib.request

    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "valid", content)
    ports = []
    for _ in range(2):
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            ports.append(probe.getsockname()[1])
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "invoke",
            "serve",
            "--port",
            str(ports[0]),
            "--liveport",
            str(ports[1]),
            "--content",
            str(content),
            "--output",
            str(tmp_path / "output"),
        ],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        url = f"http://127.0.0.1:{ports[0]}/metiers/cuisinier/"
        for _ in range(600):  # the first build, then the server (a condition, not a fixed wait)
            try:
                urllib.request.urlopen(url, timeout=1)
                break
            except OSError:
                time.sleep(0.1)
        try:  # a missing page: the site's own 404 page, with its status
            urllib.request.urlopen(f"http://127.0.0.1:{ports[0]}/metiers/inexistant/", timeout=5)
            raise AssertionError("a missing page answered 200")
        except urllib.error.HTTPError as error:
            assert error.code == 404 and "Page introuvable" in error.read().decode("utf-8")
        page = browser.new_page()
        with page.expect_websocket():  # the live-reload connection of the page
            page.goto(url)
        profile = content / "metiers" / "cuisinier.md"
        original = profile.read_text(encoding="utf-8")
        # The watcher may take its first look after a very early save: save again until the
        # page shows the change (each try waits on the condition, never a fixed time).
        for attempt in range(12):
            words = f"Mijote ({attempt}) des repas sains"
            profile.write_text(original.replace("Prépare des repas sains", words), encoding="utf-8")
            try:
                page.wait_for_function("w => document.body.innerText.includes(w)", arg=words, timeout=5_000)
                break
            except Exception:  # noqa: BLE001 - not reloaded yet: save again
                continue
        else:
            raise AssertionError("the page never showed the edit")
        page.close()
    finally:
        server.terminate()
        server.wait(timeout=20)
