"""Write the search files under /recherche/ (see build.py) and copy lunr.js + lunr-languages (npm, pinned) into the site."""

from __future__ import annotations

import logging
import shutil
import time
from pathlib import Path

from pelican.generators import ArticlesGenerator, PagesGenerator

from plugins.assets.fingerprint import fingerprinted
from plugins.content_model.build import Build
from plugins.content_model.memo import Memo

from .build import MEMO_SOURCES, file_name, payloads, to_json
from .pipeline import Synonyms

logger = logging.getLogger(__name__)

# Third-party browser code comes from node_modules (package-lock.json pins it); never committed.
VENDOR = {
    "lunr/lunr.min.js": "lunr.min.js",
    "lunr-languages/min/lunr.stemmer.support.min.js": "lunr.stemmer.support.min.js",
    "lunr-languages/min/lunr.fr.min.js": "lunr.fr.min.js",
}


def copy_vendor(node_modules: Path, dest: Path) -> None:
    dest.mkdir(parents=True, exist_ok=True)
    for source, name in VENDOR.items():
        path = node_modules / source
        if not path.is_file():
            logger.error("search_index: %s introuvable : lancer « npm ci » (invoke build le fait)", path)
            continue
        shutil.copyfile(path, dest / name)


def write_search_files(generators):
    """Write the files as soon as the content is read, so the search page (rendered later)
    knows the first one's name: fingerprinted in production (FINGERPRINT_ASSETS), so a host may
    cache them for a year; the first file names the others."""
    articles = next(g for g in generators if isinstance(g, ArticlesGenerator))
    pages = next(g for g in generators if isinstance(g, PagesGenerator))
    settings = articles.settings
    output = Path(articles.output_path)
    build = Build.of(articles.context)
    start = time.perf_counter()
    synonyms = Synonyms.load(Path(settings["PATH"]) / "synonymes.yaml")
    memo = Memo.for_build(settings, "search", MEMO_SOURCES, ("snowballstemmer",))
    meta, files = payloads(articles.articles, pages.pages, build.reference.noc, synonyms, memo)
    memo.save()
    (output / "recherche").mkdir(parents=True, exist_ok=True)
    fingerprint = settings.get("FINGERPRINT_ASSETS")

    def write(name: str, data) -> str:
        text = to_json(data).encode("utf-8")
        if fingerprint:
            name = fingerprinted(name, text)
        (output / "recherche" / name).write_bytes(text)
        return f"recherche/{name}"

    names: dict = {"titres": {}, "textes": {}, "fiches": []}
    for (kind, key), data in files.items():
        written = write(file_name(kind, key), data)
        if kind in ("titres", "textes"):
            names[kind][key] = written
        elif kind == "fiches":
            names["fiches"].append(written)
        else:
            names[kind] = written
    first = write("index.json", {**meta, "fichiers": names})
    # The title parts by initial: the search page starts fetching its query's parts at once.
    articles.context["search_files"] = {"index": first, "titres": names["titres"]}
    every = [first, names["codes"], names["secteurs"], *names["fiches"]]
    every += [name for kind in ("titres", "textes") for name in names[kind].values()]
    articles.context["search_files_fingerprinted"] = sorted(every) if fingerprint else []
    # The plugin lives in <project>/plugins/search_index: node_modules sits at the project root.
    node_modules = Path(settings.get("NODE_MODULES") or Path(__file__).resolve().parents[2] / "node_modules")
    copy_vendor(node_modules, output / "theme" / "js" / "vendor")
    logger.info("search_index: %d fiches indexées en %.2f s", meta["profils"], time.perf_counter() - start)
