"""Write /recherche/index.json (quick index) and index-complet.json (with the body), and copy lunr.js + lunr-languages (npm, pinned) into the site."""

from __future__ import annotations

import logging
import shutil
import time
from pathlib import Path

from plugins.content_model.build import Build

from .build import payloads, to_json
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


def write_search_files(generator, writer):
    settings = generator.settings
    output = Path(generator.output_path)
    build = Build.of(generator.context)
    folder = output / "recherche"
    folder.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    synonyms = Synonyms.load(Path(settings["PATH"]) / "synonymes.yaml")
    quick, complete = payloads(
        generator.articles, generator.context.get("secteurs", []), build.reference.noc, synonyms
    )
    (folder / "index.json").write_text(to_json(quick), encoding="utf-8")
    (folder / "index-complet.json").write_text(to_json(complete), encoding="utf-8")
    # The plugin lives in <project>/plugins/search_index: node_modules sits at the project root.
    node_modules = Path(settings.get("NODE_MODULES") or Path(__file__).resolve().parents[2] / "node_modules")
    copy_vendor(node_modules, output / "theme" / "js" / "vendor")
    logger.info("search_index: %d fiches indexées en %.2f s", len(quick["docs"]), time.perf_counter() - start)
