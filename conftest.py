"""Shared test helpers: paths, the NOC reference from ../shared, and a Pelican build runner."""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent
# Every cache the tests make goes to a temporary folder, never into the repository's cache/
# (read by tasks.settings(), and inherited by the invoke commands the tests run).
os.environ.setdefault("FAIS_LE_SAUT_CACHE", tempfile.mkdtemp(prefix="fais-le-saut-cache-"))
FIXTURES = ROOT / "tests" / "fixtures"
SHARED_NOC = ROOT.parent / "shared" / "data" / "noc"
# Profiles of the real corpus that browser tests may rely on (assigned in the plan: they exist).
SAMPLE_PROFILES = [
    "cuisinier",
    "educatrice-a-la-petite-enfance",
    "prepose-d-aide-a-domicile",
    "intervenant-communautaire",
    "gestionnaire-de-benevoles",
]


@pytest.fixture(scope="session")
def noc_dir() -> Path:
    if not (SHARED_NOC / "noc2021_unit_groups.csv").exists():
        pytest.skip(
            f"NOC reference data not found at {SHARED_NOC} (only present beside the project checkout)"
        )
    return SHARED_NOC


@pytest.fixture(scope="session")
def noc_csv(noc_dir) -> Path:
    return noc_dir / "noc2021_unit_groups.csv"


def pelican_args(content: Path, output: Path, settings: str = "pelicanconf.py", **extra) -> list[str]:
    """The `pelican` arguments of a test build with the project's settings; the build's caches go
    next to the output, never into the repository's cache/."""
    overrides = {"CACHE_PATH": str(Path(output).parent / "cache"), **extra}
    args = [str(content), "-s", str(ROOT / settings), "-o", str(output), "--fatal", "errors"]
    # One -e with every pair: Pelican keeps only the last -e flag given.
    return args + ["-e", *(f"{key}={json.dumps(value)}" for key, value in overrides.items())]


def run_build(
    content: Path,
    output: Path,
    noc_csv: Path | None = None,
    settings: str = "pelicanconf.py",
    timeout: int = 600,
    **extra,
) -> subprocess.CompletedProcess:
    """Run the real Pelican CLI on some content (see pelican_args)."""
    args = [sys.executable, "-m", "pelican", *pelican_args(content, output, settings, **extra)]
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.run(args, cwd=ROOT, capture_output=True, text=True, env=env, timeout=timeout)


def run_build_here(content: Path, output: Path, **extra) -> subprocess.CompletedProcess:
    """`run_build` in this process (Pelican's own `main`, the same arguments): no interpreter to
    start, for the many small builds expected to stop. Exit code and printed text as the CLI's."""
    import contextlib
    import io

    from pelican import main
    from pelican.log import FatalLogger

    args = pelican_args(content, output, **extra)
    out, err = io.StringIO(), io.StringIO()
    code = 0
    fatal = FatalLogger.fatal_lvl  # `--fatal errors` sets it for the whole process: put it back
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            main(args)
        except SystemExit as stop:
            code = stop.code if isinstance(stop.code, int) else 1
        finally:
            FatalLogger.fatal_lvl = fatal
    return subprocess.CompletedProcess(["pelican", *args], code, out.getvalue(), err.getvalue())


@pytest.fixture(scope="session")
def folder_digest():
    """`tree_digest` for plugin tests (there `from conftest import` may find another conftest.py)."""
    return tree_digest


@pytest.fixture(scope="session")
def build_site():
    """`run_build` for plugin tests: there `from conftest import` may find another conftest.py."""
    return run_build


@pytest.fixture(scope="session")
def build_here():
    """`run_build_here` for plugin tests (same reason)."""
    return run_build_here


def tree_digest(folder: Path) -> dict[str, str]:
    """{relative path: sha256} of every file: compares two folders byte for byte."""
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def built(tmp_path_factory, name: str, content: Path, noc_csv: Path) -> Path:
    """A site built once per test run, read-only for the tests: with pytest-xdist, the workers
    share one build (the first one to ask makes it, the others wait for it)."""
    base = tmp_path_factory.getbasetemp()
    shared = base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base
    folder, done = shared / f"site-{name}", shared / f"site-{name}.fait"
    with open(shared / f"site-{name}.verrou", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not done.exists():
            shutil.rmtree(folder, ignore_errors=True)
            result = run_build(content, folder / "output", noc_csv)
            assert result.returncode == 0, result.stderr
            done.touch()
    return folder / "output"


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory, noc_csv) -> Path:
    """The small fixture corpus (3 profiles, 3 sectors) built once."""
    return built(tmp_path_factory, "fixture-site", FIXTURES / "valid", noc_csv)


@pytest.fixture(scope="session")
def real_site(tmp_path_factory, noc_csv) -> Path:
    """The real content (content/) built once per test session with the project's settings."""
    return built(tmp_path_factory, "real-site", ROOT / "content", noc_csv)


def serve(folder: Path):
    """Serve a folder over HTTP on 127.0.0.1 (random port) in a background thread."""
    import functools
    import http.server
    import threading

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def handle(self):
            try:
                super().handle()
            except (BrokenPipeError, ConnectionResetError):
                pass  # the page went on before a file it asked for was sent: nothing to report

    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(Quiet, directory=str(folder))
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


@contextlib.contextmanager
def served(folder: Path):
    """The base URL of a folder served on 127.0.0.1 while the block runs."""
    server = serve(folder)
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def site_url(real_site):
    """Base URL of the built real site, served on 127.0.0.1."""
    with served(real_site) as url:
        yield url


CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking"]


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright (no browser download)."""
    if not CHROMIUM.exists():
        pytest.fail("Chromium is missing: `invoke test` installs Debian's chromium package")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
        )
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="fr-CA", viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    errors = []
    tab.on("pageerror", lambda error: errors.append(str(error)))
    yield tab
    context.close()
    assert errors == [], f"JavaScript errors in the page: {errors}"
