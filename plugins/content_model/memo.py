"""Per-file results of costly pure steps, kept between builds and keyed by the file's text.

Parsing the YAML front matter and checking it against the JSON Schema are the slow part of
validation (about 1 ms per file). Both depend only on the file's text and on the code and
schemas here, so their results are stored in CACHE_PATH under the hash of that text, in a table
stamped with the hash of the code: after an edit, only the edited files are parsed and checked
again. Cross-file rules (sectors, related profiles, links, codes) always run, on every file.
Other plugins keep their own tables the same way (search_index: each profile's search terms),
stamped with their own code.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from importlib.metadata import version
from pathlib import Path

HERE = Path(__file__).parent
# The code and data validation results come from: any change starts a fresh table.
SOURCES = tuple(
    HERE / name
    for name in (
        "frontmatter.py",
        "model.py",
        "validate.py",
        "memo.py",
        "schema/metier.json",
        "schema/secteur.json",
    )
)
PACKAGES = ("jsonschema", "pyyaml")


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
    """{(what, text hash): result}. `path=None` or an unreadable file: an empty table.
    `sources` and `packages`: the code the results come from (validation's by default)."""

    def __init__(self, path: Path | None = None, load: bool = True, sources=SOURCES, packages=PACKAGES):
        self.path = path
        self.stamp = code_stamp(sources, packages)
        self.table: dict = {}
        self.used: dict = {}
        if path is not None and load and path.is_file():
            try:
                with path.open("rb") as file:
                    stamp, table = pickle.load(file)
                if stamp == self.stamp:
                    self.table = table
            except (OSError, EOFError, pickle.UnpicklingError, ValueError, TypeError, AttributeError):
                self.table = {}  # a damaged cache is only a slower build

    @classmethod
    def for_build(cls, settings: dict, name: str, sources=SOURCES, packages=PACKAGES) -> Memo:
        """The table `CACHE_PATH/<name>.pickle`, read and written with the same switches as
        Pelican's own content cache (CACHE_CONTENT, LOAD_CONTENT_CACHE)."""
        path = Path(settings["CACHE_PATH"]) / f"{name}.pickle" if settings.get("CACHE_CONTENT") else None
        return cls(path, bool(settings.get("LOAD_CONTENT_CACHE")), sources, packages)

    def get(self, what: str, key: str, compute):
        """The stored result of `compute()` for this file text, computed if missing."""
        entry = (what, key)
        if entry in self.table:
            result = self.table[entry]
        else:
            result = compute()
        self.used[entry] = result
        return result

    def save(self) -> None:
        """Keep the results of this run only (deleted files leave the table), atomically."""
        if self.path is None or self.used == self.table:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=self.path.parent, prefix=".tmp-", delete=False) as part:
            pickle.dump((self.stamp, self.used), part, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(part.name, self.path)
