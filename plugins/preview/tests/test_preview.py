"""`invoke serve`'s builds: after an edit of one profile, only the pages that show it are
rendered again, and the preview is then exactly what a full build gives."""

import shutil
from pathlib import Path

import pytest

from plugins.preview.session import Session
from plugins.preview.writer import MANIFEST

ROOT = Path(__file__).resolve().parents[3]
EDITED = "archiviste"


def stamps(output: Path) -> dict[str, int]:
    return {p.parent.name: p.stat().st_mtime_ns for p in (output / "metiers").glob("*/index.html")}


@pytest.fixture(scope="module")
def digest(folder_digest):
    """The output's files and their hashes, the manifest left out (it differs by design)."""
    return lambda folder: {name: sha for name, sha in folder_digest(folder).items() if name != MANIFEST}


@pytest.fixture(scope="module")
def session(tmp_path_factory):
    root = tmp_path_factory.mktemp("apercu")
    shutil.copytree(ROOT / "content", root / "content")
    preview = Session(root / "content", root / "output", CACHE_PATH=str(root / "cache"))
    assert preview.build()
    yield root, preview
    preview.close()


def referrers(output: Path, slug: str) -> set[str]:
    """Profiles whose page links to `slug` (its related profiles)."""
    link = f"/metiers/{slug}/"
    return {
        p.parent.name
        for p in (output / "metiers").glob("*/index.html")
        if p.parent.name != slug and link in p.read_text(encoding="utf-8")
    }


def test_an_edit_renders_that_profile_and_the_pages_listing_it_then_equals_a_full_build(session, digest):
    root, preview = session
    output, profile = root / "output", root / "content" / "metiers" / f"{EDITED}.md"
    before, listing = stamps(output), referrers(output, EDITED)
    text = profile.read_text(encoding="utf-8")
    profile.write_text(text.replace("title: ", "title: Nouvelle ", 1), encoding="utf-8")
    assert preview.build()
    after = stamps(output)
    rendered = {slug for slug in after if after[slug] != before[slug]}
    assert rendered == {EDITED} | listing, rendered
    assert len(after) - len(rendered) > 200  # the others were left as they were
    assert "Nouvelle" in (output / "metiers" / EDITED / "index.html").read_text(encoding="utf-8")

    full = Session(root / "content", root / "full", CACHE_PATH=str(root / "cache"))
    assert full.build()
    assert digest(output) == digest(root / "full")


def test_an_edit_of_a_profile_text_leaves_every_other_page_as_it_was(session, digest):
    root, preview = session
    output, profile = root / "output", root / "content" / "metiers" / "cuisinier.md"
    pages = {p: p.stat().st_mtime_ns for p in output.rglob("*.html")}
    profile.write_text(profile.read_text(encoding="utf-8") + "\nUne phrase de plus.\n", encoding="utf-8")
    assert preview.build()
    rendered = {p.relative_to(output).as_posix() for p in pages if p.stat().st_mtime_ns != pages[p]}
    # Its page, and the profiles listing it (their fingerprint holds its file); no list.
    assert "metiers/cuisinier/index.html" in rendered
    assert all(name.startswith("metiers/") and name.count("/") == 2 for name in rendered), rendered
    assert "Une phrase de plus." in (output / "metiers" / "cuisinier" / "index.html").read_text(
        encoding="utf-8"
    )
    full = Session(root / "content", root / "full-texte", CACHE_PATH=str(root / "cache"))
    assert full.build()
    assert digest(output) == digest(root / "full-texte")


def test_a_bad_edit_changes_nothing_and_an_added_file_means_a_full_build(session, digest):
    root, preview = session
    output = root / "output"
    kept = digest(output)
    profile = root / "content" / "metiers" / "cuisinier.md"
    good = profile.read_text(encoding="utf-8")
    profile.write_text(good.replace("cnp:", "cnp_inconnu:", 1), encoding="utf-8")
    assert not preview.build()
    assert digest(output) == kept
    profile.write_text(good, encoding="utf-8")
    assert preview.only_profiles_edited(preview.snapshot())
    assert preview.build()
    assert digest(output) == kept
    profile.with_name("cuisinier-de-camp.md").write_text(good, encoding="utf-8")
    assert not preview.only_profiles_edited(preview.snapshot())
