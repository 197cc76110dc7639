"""Skip rendering a profile page whose inputs did not change since the page was written.

Each preview build (PREVIEW) leaves in the output folder a manifest, `.apercu.json`: a stamp of
everything every page depends on (settings, theme, code, data, sectors, programs, synonyms, the
list of profiles) and, per profile page, a fingerprint of what that page shows (its own file and
the files of the related profiles it lists). The manifest is written with the pages, so it is
swapped in with them and always describes the output folder it sits in.

In an incremental preview build (PREVIEW_INCREMENTAL, set by `invoke serve` when only existing
profiles were edited), Pelican writes in place and a profile page is rendered only when the
stamp or its fingerprint changed, or its file is missing; every other page (lists, sectors,
codes, interests, home) only when the stamp or the profiles' front matter changed (they never
show a profile's text). The search index, feeds, open data and images are written as in any
build.
"""

from __future__ import annotations

import hashlib
import json
import logging
from pathlib import Path

from pelican.writers import Writer

from plugins.content_model.build import Build

logger = logging.getLogger(__name__)
MANIFEST = ".apercu.json"
ROOT = Path(__file__).resolve().parents[2]
# Settings that say how to build, not what the pages show.
BUILD_ONLY = {"PREVIEW", "PREVIEW_INCREMENTAL", "OUTPUT_PATH", "CACHE_PATH", "WRITE_SELECTED"}


def _plain(value):
    """JSON for what json cannot write: sets as sorted lists; functions, classes and modules by
    name (their code is in the stamp)."""
    if isinstance(value, set | frozenset):
        return sorted(value, key=repr)
    if isinstance(value, Path):
        return str(value)
    return getattr(value, "__qualname__", None) or getattr(value, "__name__", None) or type(value).__name__


def _folder_digest(sha, folder: Path) -> None:
    for path in sorted(p for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        sha.update(str(path.relative_to(folder)).encode())
        sha.update(path.read_bytes())


def stamp(settings: dict, build: Build) -> str:
    """What every page depends on, hashed."""
    sha = hashlib.sha256()
    shown = {k: v for k, v in settings.items() if k.isupper() and k not in BUILD_ONLY}
    sha.update(json.dumps(shown, sort_keys=True, default=_plain).encode())
    for folder in (
        Path(settings["THEME"]),
        ROOT / "plugins",
        Path(settings.get("DATA_PATH") or ROOT / "data"),
    ):
        _folder_digest(sha, folder)
    content = Path(settings["PATH"])
    for path in sorted(p for p in content.rglob("*") if p.is_file() and "metiers" not in p.parts):
        sha.update(str(path.relative_to(content)).encode())
        sha.update(path.read_bytes())
    sha.update(json.dumps(sorted(f.slug for f in build.corpus.fiches if f.kind == "metier")).encode())
    return sha.hexdigest()


def lists_fingerprint(context: dict) -> str:
    """What the other pages (lists, sectors, codes, interests, home, quiz) show of the profiles:
    their front matter only (titles, codes, summaries, sectors, interests…), never their text;
    and the search files' names where they are fingerprinted (elsewhere they never change, and
    they may still be being written)."""
    shown = [[metier.slug, metier.fiche.data] for metier in context.get("articles", [])]
    if context.get("FINGERPRINT_ASSETS"):
        shown.append(dict(context["search_files"]))
    return hashlib.sha256(json.dumps(shown, sort_keys=True, default=str).encode()).hexdigest()


def fingerprint(metier) -> str:
    """What a profile page shows that other profiles' files decide: its own file, and the files
    of the related profiles it lists (their titles, codes and summaries are on the page)."""
    shown = [metier.fiche.key, [(other.slug, other.fiche.key) for other in getattr(metier, "apparentes", [])]]
    return hashlib.sha256(json.dumps(shown).encode()).hexdigest()


def read_manifest(output: Path) -> dict:
    try:
        manifest = json.loads((output / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return manifest if isinstance(manifest, dict) else {}


class Plan:
    """This build's manifest, and the one of the output folder it may update in place."""

    def __init__(self, context: dict, settings: dict):
        build = Build.of(context)
        self.new = {
            "stamp": stamp(settings, build),
            "listes": lists_fingerprint(context),
            "pages": {metier.slug: fingerprint(metier) for metier in context.get("articles", [])},
        }
        old = read_manifest(Path(settings["OUTPUT_PATH"])) if settings.get("PREVIEW_INCREMENTAL") else {}
        same_site = old.get("stamp") == self.new["stamp"]
        self.unchanged = (
            {slug for slug, print_ in self.new["pages"].items() if old.get("pages", {}).get(slug) == print_}
            if same_site
            else set()
        )
        # Only a profile's text edited: no other page changes.
        self.lists_unchanged = same_site and old.get("listes") == self.new["listes"]
        self.rendered = 0

    @classmethod
    def of(cls, context: dict, settings: dict) -> Plan:
        state = Build.of(context).state
        if "preview" not in state:
            state["preview"] = cls(context, settings)
        return state["preview"]


class PreviewWriter(Writer):
    def write_file(self, name, template, context, *args, **kwargs):
        if name:
            plan = Plan.of(context, self.settings)
            article = kwargs.get("article")
            unchanged = article.slug in plan.unchanged if article is not None else plan.lists_unchanged
            if unchanged and (Path(self.output_path) / name).is_file():
                return
            plan.rendered += 1
        return super().write_file(name, template, context, *args, **kwargs)


def write_manifest(generator, writer):
    """With the profile pages (article_writer_finalized): the manifest of what was written."""
    if not generator.settings.get("PREVIEW"):
        return
    plan = Plan.of(generator.context, generator.settings)
    (Path(generator.output_path) / MANIFEST).write_text(json.dumps(plan.new), encoding="utf-8")
    logger.info("aperçu : %d page(s) rendue(s)", plan.rendered)
