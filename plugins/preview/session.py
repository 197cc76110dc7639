"""A preview session (`invoke serve`): every build runs in this process, so the code stays
loaded and warm; after edits of existing profiles only, the build is incremental (writer.py).

Anything else — a file added or deleted, a sector, the programs, the theme, the data, the
settings — gets a full build, staged and swapped in like any other. A build that stops (a
content problem) changes nothing, and the next one is compared with the last good one.
"""

from __future__ import annotations

import logging
import sys
import time
from pathlib import Path

from jinja2 import BytecodeCache
from pelican import Pelican
from pelican.log import init as init_logging
from pelican.settings import read_settings

from plugins.content_model import memo
from plugins.content_model.build import BuildStopped
from plugins.content_model.parallel import fewer_collections

from .writer import MANIFEST, ROOT

logger = logging.getLogger(__name__)


class MemoryBytecodeCache(BytecodeCache):
    """Jinja's bytecode cache in memory: a template is compiled again only when its source changed
    (Jinja compares the source's checksum)."""

    def __init__(self):
        self.stored: dict[str, bytes] = {}

    def load_bytecode(self, bucket):
        if bucket.key in self.stored:
            bucket.bytecode_from_string(self.stored[bucket.key])

    def dump_bytecode(self, bucket):
        self.stored[bucket.key] = bucket.bytecode_to_string()


class Session:
    def __init__(
        self, content: Path, output: Path, settings_file: Path = ROOT / "pelicanconf.py", **overrides
    ):
        self.content, self.output = Path(content).resolve(), Path(output).resolve()
        self.settings_file = Path(settings_file)
        self.overrides = overrides
        self.watched = [self.content, ROOT / "theme", ROOT / "data", ROOT / "plugins", self.settings_file]
        self.last: dict[str, tuple[int, int]] | None = None  # the files at the last good build
        # Compiled templates kept between builds (Jinja checks each template's source first).
        self.templates = MemoryBytecodeCache()
        # The per-file tables too: not read from disk, nor written, at every build.
        memo.keep_in_memory()
        fewer_collections()  # over the session's long-lived heap (tables, templates) too
        init_logging(level=logging.WARNING, name="pelican")

    def close(self) -> None:
        """The session ends: the tables its builds changed are written to disk."""
        memo.write_kept()

    def snapshot(self) -> dict[str, tuple[int, int]]:
        found = {}
        for root in self.watched:
            for path in [root] if root.is_file() else root.rglob("*"):
                if path.is_file() and "__pycache__" not in path.parts:
                    info = path.stat()
                    found[str(path)] = (info.st_size, info.st_mtime_ns)
        return found

    def only_profiles_edited(self, now: dict) -> bool:
        if self.last is None or now.keys() != self.last.keys() or not (self.output / MANIFEST).is_file():
            return False
        profiles = self.content / "metiers"
        changed = [Path(p) for p in now if now[p] != self.last[p]]
        if any(ROOT / "plugins" in p.parents for p in changed):
            print("Code des plugins modifié : relancer « invoke serve » pour le charger.", file=sys.stderr)
        return all(p.parent == profiles and p.suffix == ".md" for p in changed)

    def build(self) -> bool:
        """One build; True when the output folder now shows the content as it is."""
        now = self.snapshot()
        incremental = self.only_profiles_edited(now)
        settings = read_settings(
            str(self.settings_file),
            override={
                "PATH": str(self.content),
                "OUTPUT_PATH": str(self.output),
                "PREVIEW": True,
                "PREVIEW_INCREMENTAL": incremental,
                **self.overrides,
            },
        )
        settings["JINJA_ENVIRONMENT"] = {**settings["JINJA_ENVIRONMENT"], "bytecode_cache": self.templates}
        start = time.perf_counter()
        try:
            Pelican(settings).run()
        except BuildStopped as error:
            print(error, file=sys.stderr)
            return False
        except Exception:  # a template or plugin error: said, and the session goes on
            logger.exception("build interrompu")
            return False
        self.last = now
        kind = "partiel" if incremental else "complet"
        print(f"Aperçu à jour (build {kind}, {time.perf_counter() - start:.1f} s)", file=sys.stderr)
        return True
