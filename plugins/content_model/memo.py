"""Per-file results of costly pure steps, kept between builds and keyed by the file's text.

Reading a file (strict YAML, Markdown conversion, sanitizing; the programs file too) depends
only on its text and on the code and packages here, so results are stored in CACHE_PATH under the hash of that text, in a
table stamped with the hash of the code: after an edit, only the edited files are read again.
The cache is only ever a speed-up: a missing, unreadable or damaged table is an empty one, and a
table that cannot be written (folder deleted or read-only) is simply not kept.

While `invoke serve` runs (plugins/preview), the tables stay in memory between builds: a build
after an edit neither reads them from disk nor writes them (about 1.6 s at 2,000 profiles); the
session writes them when it ends (`write_kept`).
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
# A preview session's tables: {path: (code stamp, table)} (None outside a session), and the
# paths whose table on disk is older than the one here.
_kept: dict[Path, tuple[str, dict]] | None = None
_unwritten: set[Path] = set()
HERE = Path(__file__).parent
# The code and data results come from: any change starts a fresh table.
SOURCES = (
    *(
        HERE / name
        for name in ("frontmatter.py", "body.py", "sanitize.py", "model.py", "catalogue.py", "memo.py")
    ),
    *sorted((HERE / "schema").glob("*.json")),  # the programs file is checked against its schema
)
PACKAGES = ("pyyaml", "markdown", "nh3", "jsonschema")


def code_stamp(sources=SOURCES, packages=PACKAGES) -> str:
    sha = hashlib.sha256()
    for path in sources:
        sha.update(Path(path).read_bytes())
    for package in packages:
        sha.update(f"{package}=={version(package)}".encode())
    return sha.hexdigest()


def text_key(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def keep_in_memory() -> None:
    """From now on, tables stay in this process between builds (a preview session)."""
    global _kept
    if _kept is None:
        _kept = {}


def write_kept() -> None:
    """The session ends: write the tables that changed since they were last written, and keep
    no table in memory any more."""
    global _kept
    for path in sorted(_unwritten):
        stamp, table = _kept[path]
        _write(path, stamp, table)
    _unwritten.clear()
    _kept = None


def _write(path: Path, stamp: str, table: dict) -> None:
    """Atomically; a table that cannot be written is simply not kept."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, prefix=".tmp-", delete=False) as part:
            pickle.dump((stamp, table), part, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(part.name, path)
    except OSError as error:
        logger.warning("cache non enregistré (%s) : %s", error.strerror, path)


class Memo:
    """{(what, text hash): result}. `path=None`: a table for this run only. `defer`: in a
    preview session, the table is written when the session ends, not by `save`."""

    def __init__(
        self,
        path: Path | None = None,
        load: bool = True,
        sources=SOURCES,
        packages=PACKAGES,
        defer: bool = False,
    ):
        self.path = path
        self.stamp = code_stamp(sources, packages)
        self.table: dict = {}
        self.used: dict = {}
        self.defer = defer and _kept is not None
        if path is not None and load:
            self.table = self._load(path)

    def _load(self, path: Path) -> dict:
        if _kept is not None and path in _kept:
            stamp, table = _kept[path]
            if stamp == self.stamp:
                return table  # never changed: `save` keeps a new dict
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
        return cls(path, True, sources, packages, defer=bool(settings.get("PREVIEW_INCREMENTAL")))

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
        if self.path is None:
            return
        if _kept is not None:
            _kept[self.path] = (self.stamp, self.used)
        if self.used == self.table:
            return
        if self.defer:
            _unwritten.add(self.path)
        else:
            _write(self.path, self.stamp, self.used)
            _unwritten.discard(self.path)
