"""Per-file results of costly pure steps, kept between builds and keyed by the file's text.

Reading a file (strict YAML, Markdown conversion, sanitizing) depends only on its text and on the
code and packages here, so results are stored in CACHE_PATH under the hash of that text, in a
table stamped with the hash of the code: after an edit, only the edited files are read again.
The cache is only ever a speed-up: a missing, unreadable or damaged table is an empty one, and a
table that cannot be written (folder deleted or read-only) is simply not kept.
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
import tempfile
from importlib.metadata import version
from pathlib import Path

logger = logging.getLogger(__name__)
HERE = Path(__file__).parent
# The code and data results come from: any change starts a fresh table.
SOURCES = tuple(HERE / name for name in ("frontmatter.py", "body.py", "sanitize.py", "model.py", "memo.py"))
PACKAGES = ("pyyaml", "markdown", "nh3")


def code_stamp(sources=SOURCES, packages=PACKAGES) -> str:
    sha = hashlib.sha256()
    for path in sources:
        sha.update(Path(path).read_bytes())
    for package in packages:
        sha.update(f"{package}=={version(package)}".encode())
    return sha.hexdigest()


def text_key(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


class Memo:
    """{(what, text hash): result}. `path=None`: a table for this run only."""

    def __init__(self, path: Path | None = None, load: bool = True, sources=SOURCES, packages=PACKAGES):
        self.path = path
        self.stamp = code_stamp(sources, packages)
        self.table: dict = {}
        self.used: dict = {}
        if path is not None and load:
            self.table = self._load(path)

    def _load(self, path: Path) -> dict:
        try:
            with path.open("rb") as file:
                stamp, table = pickle.load(file)
            return table if stamp == self.stamp and isinstance(table, dict) else {}
        except FileNotFoundError:
            return {}
        except Exception:  # garbage bytes, truncated file, another version's objects: start afresh
            logger.warning("cache illisible, ignoré : %s", path)
            return {}

    @classmethod
    def for_build(cls, settings: dict, name: str, sources=SOURCES, packages=PACKAGES) -> Memo:
        """The table `CACHE_PATH/<name>.pickle` (none when the CONTENT_MEMO setting is off)."""
        path = Path(settings["CACHE_PATH"]) / f"{name}.pickle" if settings.get("CONTENT_MEMO", True) else None
        return cls(path, True, sources, packages)

    def has(self, what: str, key: str) -> bool:
        return (what, key) in self.table

    def get(self, what: str, key: str, compute):
        """The stored result of `compute()` for this file text, computed if missing."""
        entry = (what, key)
        result = self.table[entry] if entry in self.table else compute()
        self.used[entry] = result
        return result

    def save(self) -> None:
        """Keep the results of this run only (deleted files leave the table), atomically."""
        if self.path is None or self.used == self.table:
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile(dir=self.path.parent, prefix=".tmp-", delete=False) as part:
                pickle.dump((self.stamp, self.used), part, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(part.name, self.path)
        except OSError as error:
            logger.warning("cache non enregistré (%s) : %s", error.strerror, self.path)
