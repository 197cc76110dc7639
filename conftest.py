"""Shared test helpers: paths, the NOC reference from ../shared, and a Pelican build runner."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent
FIXTURES = ROOT / "tests" / "fixtures"
SHARED_NOC = ROOT.parent / "shared" / "data" / "noc"


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


def run_build(
    content: Path, output: Path, noc_csv: Path | None = None, settings: str = "pelicanconf.py", **extra
) -> subprocess.CompletedProcess:
    """Run the real Pelican CLI with the project's settings on some content."""
    overrides = {"NOC_REFERENCE": [str(noc_csv)] if noc_csv else [], **extra}
    args = [
        sys.executable,
        "-m",
        "pelican",
        str(content),
        "-s",
        str(ROOT / settings),
        "-o",
        str(output),
        "--fatal",
        "errors",
    ]
    for key, value in overrides.items():
        args += ["-e", f"{key}={json.dumps(value)}"]
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.run(args, cwd=ROOT, capture_output=True, text=True, env=env, timeout=600)


def tree_digest(folder: Path) -> dict[str, str]:
    """{relative path: sha256} of every file: compares two folders byte for byte."""
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory, noc_csv) -> Path:
    """The small fixture corpus (3 profiles, 3 sectors) built once."""
    output = tmp_path_factory.mktemp("fixture-site") / "output"
    result = run_build(FIXTURES / "valid", output, noc_csv)
    assert result.returncode == 0, result.stderr
    return output
