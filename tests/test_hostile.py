"""Hostile and malformed input, as an adversarial editor would write it.

A rejected input: exit 1, the file named, no traceback, the published output/ unchanged.
An input that may build: nothing executable reaches the page (tests/browser/test_escaping.py
opens those pages in Chromium). The defence is general (the allowlist sanitizer and the one rule
set); each case here is one class of attack, not a patch per example.
"""

from __future__ import annotations

import os
import shutil
import struct
import zlib
from pathlib import Path

import pytest

from conftest import FIXTURES, run_build, run_build_here, tree_digest

PROFILE = "metiers/cuisinier.md"
BODY_LINE = "Chez cuisinier 0, la description"


def edit_body(addition: str):
    def apply(content: Path):
        path = content / PROFILE
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace(BODY_LINE, f"{addition} {BODY_LINE}", 1), encoding="utf-8")

    return apply


def edit_front(old: str, new: str):
    def apply(content: Path):
        path = content / PROFILE
        path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")

    return apply


def write(relative: str, text: str):
    def apply(content: Path):
        target = content / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")

    return apply


def png_header(width: int, height: int) -> bytes:
    """A PNG that claims a huge size (its pixels are never decoded)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", ihdr)
        + chunk(b"IDAT", zlib.compress(b"\x00" * 16))
        + chunk(b"IEND", b"")
    )


def image(name: str, data: bytes):
    def apply(content: Path):
        (content / "images").mkdir(exist_ok=True)
        (content / "images" / name).write_bytes(data)
        edit_front("updated:", f'illustration: {name}\nillustration_alt: "Une image"\nupdated:')(content)

    return apply


def special(kind: str):
    def apply(content: Path):
        target = content / "metiers" / "x.md"
        if kind == "dossier":
            target.mkdir()
        elif kind == "lien-casse":
            os.symlink(content / "nulle-part.md", target)
        elif kind == "lien-externe":
            outside = content.parent / "ailleurs.md"
            shutil.copyfile(content / PROFILE, outside)
            os.symlink(outside, target)
        elif kind == "tube":
            os.mkfifo(target)
        elif kind == "boucle":
            os.symlink(content / "metiers", content / "metiers" / "boucle")
        elif kind == "sous-dossier":
            (content / "metiers" / "archives").mkdir()
            shutil.copyfile(content / PROFILE, content / "metiers" / "archives" / "vieux.md")

    return apply


BOMB = "appellations: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
SECTEUR = '---\ntitle: "Petite enfance"\nTemplate: secteur\n---\n<script>alert(1)</script>\n'

REJECTED = {
    "attr_list onerror": (
        edit_body('![p](https://x.example/p.png){: onerror="alert(1)" } <b onclick=x>'),
        PROFILE,
    ),
    "reference link javascript": (edit_body("[ici][p]\n\n[p]: javascript:alert(1)\n\n"), PROFILE),
    "link target on next line": (edit_body("[x](\njavascript:alert(1))"), PROFILE),
    "javascript with title": (edit_body("[x](javascript:alert%281%29 'titre')"), PROFILE),
    "data and vbscript links": (edit_body("[a](data:text/html,x) [b](vbscript:x)"), PROFILE),
    "raw script": (edit_body("<script>alert(1)</script>"), PROFILE),
    "markdown file with another extension": (write("secteurs/x.markdown", SECTEUR), "secteurs/x.markdown"),
    "restructuredtext file": (write("secteurs/x.rst", SECTEUR), "secteurs/x.rst"),
    "html file in extra": (write("extra/page.html", "<script>alert(1)</script>"), "extra/page.html"),
    "yaml alias bomb": (edit_front("appellations:", BOMB + "c:"), PROFILE),
    "duplicate yaml keys": (edit_front("cnp:", 'cnp: "42201"\ncnp:'), PROFILE),
    "2016 code that does not exist": (edit_front('cnp_2016: ["6322"]', 'cnp_2016: ["9998"]'), PROFILE),
    "sector with an unofficial name": (
        write("secteurs/garderies.md", '---\ntitle: "Garderies"\n---\nIntro.\n'),
        "secteurs/garderies.md",
    ),
    "extra salary section": (edit_body("\n\n## Salaire\n\nBeaucoup.\n\n## Description\n\n"), PROFILE),
    "profile too large": (edit_body("mot " * 60_000), PROFILE),
    "symlink to a file outside the repository": (special("lien-externe"), "metiers/x.md"),
    "profile in a subfolder": (special("sous-dossier"), "metiers/archives"),
    "directory named x.md": (special("dossier"), "metiers/x.md"),
    "dangling symlink": (special("lien-casse"), "metiers/x.md"),
    "fifo named x.md": (special("tube"), "metiers/x.md"),
    "symlink loop": (special("boucle"), "metiers/boucle"),
    "corrupt image": (image("photo.jpg", b"\xff\xd8\xff\xe0 not really a jpeg"), "images/photo.jpg"),
    "30000 by 30000 image": (image("geante.png", png_header(30000, 30000)), "images/geante.png"),
    "unknown file in content": (write("notes.txt", "brouillon"), "notes.txt"),
}


THROUGH_THE_CLI = "yaml alias bomb"


@pytest.fixture(scope="module")
def outcomes(tmp_path_factory, fixture_site):
    """Every case prepared in its own folder (a copy of the valid content with the case applied,
    beside a copy of a previously published site), then built by Pelican's `main` with the
    project's settings: {case: (folder, digest of output before, result)}."""
    prepared = {}
    for number, case in enumerate(sorted(REJECTED)):
        folder = tmp_path_factory.mktemp(f"hostile-{number}")
        shutil.copytree(FIXTURES / "valid", folder / "content")
        REJECTED[case][0](folder / "content")
        shutil.copytree(fixture_site, folder / "output")
        prepared[case] = (folder, tree_digest(folder / "output"))

    # In this process (no interpreter to start for each case), except one case through the real
    # command line, so the exit status and what the shell shows are checked end to end.
    results = {}
    for case, (folder, _) in prepared.items():
        build = run_build if case == THROUGH_THE_CLI else run_build_here
        results[case] = build(folder / "content", folder / "output")
    return {case: (*prepared[case], results[case]) for case in prepared}


@pytest.mark.parametrize("case", sorted(REJECTED))
def test_rejected_input_names_the_file_and_changes_nothing(case, outcomes):
    folder, before, result = outcomes[case]
    assert result.returncode == 1, result.stdout + result.stderr
    assert REJECTED[case][1] in result.stderr, result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert tree_digest(folder / "output") == before
    staging = folder / "output.staging"
    assert not staging.exists() or not any(staging.iterdir())


def test_leftovers_and_a_damaged_cache_recover_by_themselves(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "valid", content)
    output = tmp_path / "output"
    (tmp_path / "output.staging").write_text("reste d'un build interrompu", encoding="utf-8")
    (tmp_path / "output.old").write_text("reste", encoding="utf-8")
    cache = tmp_path / "cache"
    (cache / "images").mkdir(parents=True)
    (cache / "content_model.pickle").write_bytes(os.urandom(512))
    result = run_build(content, output, CACHE_PATH=str(cache))
    assert result.returncode == 0, result.stderr
    for entry in (cache / "images").glob("*.png"):
        entry.write_bytes(b"<svg onload=alert(1)>")  # garbage written into the cache
    result = run_build(content, output, CACHE_PATH=str(cache))
    assert result.returncode == 0, result.stderr
    assert b"<svg" not in (output / "cartes" / "metiers" / "cuisinier.png").read_bytes()
    assert oct((output / "metiers" / "cuisinier" / "index.html").stat().st_mode & 0o777) == "0o644"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cache", "content", "output"]
