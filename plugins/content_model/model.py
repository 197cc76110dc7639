"""The content model in one place: folders, sections, limits, vocabularies and the problem type."""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

HERE = Path(__file__).parent
SCHEMA_DIR = HERE / "schema"
# The project's shipped reference data (NOC 2021, 32 sectors): see data/README.md.
DATA_DIR = HERE.parents[1] / "data"

METIERS_DIR = "metiers"
SECTEURS_DIR = "secteurs"
IMAGES_DIR = "images"
EXTRA_DIR = "extra"
# What content/ may hold: the two content folders, images, and the files the site declares.
CONTENT_FOLDERS = (METIERS_DIR, SECTEURS_DIR, IMAGES_DIR, EXTRA_DIR)
CONTENT_FILES = ("formations.yaml", "synonymes.yaml")

# The fixed sections of a profile body, in order (level-2 Markdown headings), and the one
# subsection every Description ends with.
SECTIONS = (
    "Description",
    "Tâches principales",
    "Milieux de travail en ÉSAC",
    "Formation et parcours",
    "Qualités recherchées",
    "Pour aller plus loin",
)
JOURNEE_TYPE = "Une journée type"

# Limits: a profile is a few kilobytes; anything far larger is a mistake or an attack.
MAX_PROFILE_BYTES = 200_000
MAX_SECTEUR_BYTES = 50_000
MAX_IMAGE_BYTES = 10_000_000
MAX_IMAGE_PIXELS = 25_000_000
IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png", ".webp")
MIN_WORDS = 350
MIN_JOURNEE_WORDS = 60

SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")

# Holland (RIASEC) interest types, as written in the front matter, with their names on the site.
INTERETS = {
    "realiste": "Réaliste",
    "investigateur": "Investigateur",
    "artistique": "Artistique",
    "social": "Social",
    "entreprenant": "Entreprenant",
    "conventionnel": "Conventionnel",
}


# Display names of the practical facts (front matter values are slugs).
HORAIRES = {
    "jour": "de jour",
    "soir": "de soir",
    "nuit": "de nuit",
    "fin-de-semaine": "la fin de semaine",
    "temps-plein": "à temps plein",
    "temps-partiel": "à temps partiel",
    "saisonnier": "saisonnier",
    "sur-appel": "sur appel",
    "horaire-variable": "horaire variable",
}
MILIEUX = {
    "bureau": "au bureau",
    "terrain": "sur le terrain",
    "domicile-des-personnes": "au domicile des personnes",
    "exterieur": "à l'extérieur",
    "cuisine": "en cuisine",
    "atelier": "en atelier",
    "usine": "en usine",
    "entrepot": "en entrepôt",
    "magasin": "en magasin",
    "chantier": "sur les chantiers",
    "ecole": "à l'école",
    "service-de-garde": "en service de garde",
    "lieu-culturel": "dans un lieu culturel",
    "ferme": "à la ferme",
    "foret": "en forêt",
    "vehicule": "sur la route",
    "teletravail": "en télétravail",
    "hebergement": "en hébergement",
    "etablissement-de-sante": "en établissement de santé",
    "salle-communautaire": "en salle communautaire",
    "restaurant": "au restaurant ou au bar",
}
MOIS = (
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
)


def date_fr(iso: str) -> str:
    """« 2026-11-23 » → « 23 novembre 2026 » (« 1er » for the first day)."""
    year, month, day = (int(part) for part in str(iso)[:10].split("-"))
    return f"{'1er' if day == 1 else day} {MOIS[month - 1]} {year}"


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


def sorted_problems(problems) -> list[Problem]:
    return sorted(set(problems), key=lambda p: (p.file, p.line or 0, p.field, p.message, p.value or ""))
