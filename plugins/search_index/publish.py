"""Write the search files under /recherche/ (see build.py), the search page's script
(`moteur.js`: lunr.js, the first file's data and recherche.js, one file to fetch) and copy
lunr-languages (npm, pinned) into the site."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Mapping
from pathlib import Path

from pelican.generators import ArticlesGenerator, PagesGenerator

from plugins.assets.fingerprint import fingerprinted
from plugins.content_model.build import Build
from plugins.content_model.memo import Memo
from plugins.content_model.parallel import PARALLEL_FROM, in_background

from .build import MEMO_SOURCES, file_name, payloads, to_json
from .pipeline import INCLUSIVE, Synonyms

logger = logging.getLogger(__name__)

# Third-party browser code comes from node_modules (package-lock.json pins it); never committed.
# lunr.js goes into the search page's script; the French stemmer is loaded when the text is.
LUNR = "lunr/lunr.min.js"
VENDOR = {
    "lunr-languages/min/lunr.stemmer.support.min.js": "lunr.stemmer.support.min.js",
    "lunr-languages/min/lunr.fr.min.js": "lunr.fr.min.js",
}
# The search page's own code (its normalization mirrors pipeline.py).
SEARCH_SCRIPT = Path(__file__).parent / "recherche.js"


def node_modules(settings: dict) -> Path:
    # The plugin lives in <project>/plugins/search_index: node_modules sits at the project root.
    return Path(settings.get("NODE_MODULES") or Path(__file__).resolve().parents[2] / "node_modules")


def third_party(path: Path) -> bytes:
    if not path.is_file():
        logger.error("search_index: %s introuvable : lancer « npm ci » (invoke build le fait)", path)
        return b""
    return path.read_bytes()


def copy_vendor(modules: Path, dest: Path) -> None:
    dest.mkdir(parents=True, exist_ok=True)
    for source, name in VENDOR.items():
        if data := third_party(modules / source):
            (dest / name).write_bytes(data)


def engine(lunr: bytes, first: str) -> bytes:
    """The search page's script: lunr.js, the first file's data (`FaisLeSautMeta`) and
    recherche.js. One file, so a first search waits for no other file than its title parts."""
    return b"".join(
        [lunr, b"\n;window.FaisLeSautMeta=", first.encode("utf-8"), b";\n", SEARCH_SCRIPT.read_bytes()]
    )


class SearchFiles(Mapping):
    """The search files' names, as the templates read them: `script` (the search page's
    script), `titres` ({initial: title part}) and `fingerprinted` (what a host may cache for a
    year). While the files are being written in another process, reading a name waits for them."""

    def __init__(self, wait: Callable[[], dict]):
        self._wait = wait

    def __getitem__(self, key):
        return self._wait()[key]

    def __iter__(self):
        return iter(self._wait())

    def __len__(self):
        return len(self._wait())


def write_search_files(generators):
    """Write the files once the content is read, so the search page (rendered later) knows
    their names: fingerprinted in production (FINGERPRINT_ASSETS), so a host may cache them for
    a year; the first file names the others. A large site's files are made in a forked process
    while this one writes the pages (the search page, written after the profiles, waits for
    them; wait_search_files before the build ends)."""
    articles = next(g for g in generators if isinstance(g, ArticlesGenerator))
    pages = next(g for g in generators if isinstance(g, PagesGenerator))
    settings = articles.settings
    output = Path(articles.output_path)
    noc = Build.of(articles.context).reference.noc
    background = len(articles.articles) >= PARALLEL_FROM

    def work() -> dict:
        return search_files(articles.articles, pages.pages, noc, settings, output, background)

    if background:
        wait = in_background(work)
    else:
        names = work()

        def wait() -> dict:
            return names

    Build.of(articles.context).state["search_files"] = wait
    articles.context["search_files"] = SearchFiles(wait)
    articles.context["search_inclusive"] = INCLUSIVE.pattern  # the search page's head splits as pipeline.py
    copy_vendor(node_modules(settings), output / "theme" / "js" / "vendor")


def wait_search_files(generator, writer):
    """With the last pages (page_writer_finalized): the files are all written before the build
    goes on (and a failure in their process stops it here)."""
    wait = Build.of(generator.context).state.pop("search_files", None)
    if wait is not None:
        wait()


def search_files(metiers, secteurs, noc, settings: dict, output: Path, background: bool) -> dict:
    """Write every search file; their names (see SearchFiles)."""
    start = time.perf_counter()
    synonyms = Synonyms.load(Path(settings["PATH"]) / "synonymes.yaml")
    memo = Memo.for_build(settings, "search", MEMO_SOURCES, ("snowballstemmer",))
    if background:
        memo.defer = False  # a preview session's tables live in the other process: write it now
    meta, files = payloads(metiers, secteurs, noc, synonyms, memo)
    memo.save()
    (output / "recherche").mkdir(parents=True, exist_ok=True)
    fingerprint = settings.get("FINGERPRINT_ASSETS")

    def write(name: str, data) -> str:
        text = data if isinstance(data, bytes) else to_json(data).encode("utf-8")
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
    first_data = to_json({**meta, "fichiers": names})
    first = write("index.json", first_data.encode("utf-8"))  # also in the script: for readers of the files
    script = write("moteur.js", engine(third_party(node_modules(settings) / LUNR), first_data))
    every = [first, script, names["codes"], names["secteurs"], names["mots"], *names["fiches"]]
    every += [name for kind in ("titres", "textes") for name in names[kind].values()]
    logger.info("search_index: %d fiches indexées en %.2f s", meta["profils"], time.perf_counter() - start)
    # The title parts by initial: the search page starts fetching its query's parts at once.
    return {
        "script": script,
        "titres": names["titres"],
        "fingerprinted": sorted(every) if fingerprint else [],
    }
