"""The content model in one place: schemas, required sections, slug rules and the problem type."""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

SCHEMA_DIR = Path(__file__).parent / "schema"
METIERS_DIR = "metiers"
SECTEURS_DIR = "secteurs"
IMAGES_DIR = "images"

# The fixed sections of a profile body, in order (level-2 Markdown headings).
SECTIONS = (
    "Description",
    "Tâches principales",
    "Milieux de travail en ÉSAC",
    "Formation et parcours",
    "Qualités recherchées",
    "Pour aller plus loin",
)

SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


@cache
def schema(kind: str) -> dict:
    """The JSON Schema of a content kind: "metier" or "secteur"."""
    return json.loads((SCHEMA_DIR / f"{kind}.json").read_text(encoding="utf-8"))


def slugify(name: str) -> str:
    """Sector slug rule: lower-case, accents folded to ASCII, words joined by hyphens."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")


@cache
def sort_key(title: str) -> str:
    """French alphabetical order that ignores accents, case and inclusive-writing marks."""
    return slugify(title.replace("·", ""))


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in one file, printed as `file:line: field: what is wrong (value)`."""

    file: str
    field: str
    message: str
    value: str | None = None
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        value = f" ({self.value})" if self.value not in (None, "") else ""
        return f"{where}: {self.field}: {self.message}{value}"
