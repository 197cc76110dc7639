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
# Each type in plain words for a 14–18-year-old, and the quiz's statements (three per type).
INTERETS_DESCRIPTIONS = {
    "realiste": "Tu aimes le concret : faire, réparer, construire avec tes mains, des outils ou des machines, souvent dehors.",
    "investigateur": "Tu aimes comprendre : chercher, analyser, résoudre des problèmes.",
    "artistique": "Tu aimes créer : imaginer, t'exprimer avec des images, de la musique, des mots ou la scène.",
    "social": "Tu aimes les gens : aider, écouter, accompagner, expliquer.",
    "entreprenant": "Tu aimes faire bouger les choses : convaincre, organiser des projets, décider.",
    "conventionnel": "Tu aimes que ce soit bien fait : l'ordre, les chiffres, les méthodes précises.",
}
QUIZ = (
    ("realiste", "Réparer un vélo ou un appareil qui ne marche plus."),
    ("investigateur", "Comprendre pourquoi les choses fonctionnent comme elles fonctionnent."),
    ("artistique", "Dessiner, écrire, faire de la musique ou de la vidéo."),
    ("social", "Écouter un ami ou une amie qui vit un moment difficile."),
    ("entreprenant", "Convaincre ton groupe d'embarquer dans ton idée."),
    ("conventionnel", "Classer, ranger et garder les choses en ordre."),
    ("realiste", "Travailler dehors, même quand il fait froid."),
    ("investigateur", "Chercher des informations pour répondre à une question difficile."),
    ("artistique", "Inventer une nouvelle façon de faire les choses."),
    ("social", "Expliquer quelque chose à quelqu'un jusqu'à ce qu'il comprenne."),
    ("entreprenant", "Organiser une activité, une levée de fonds ou un événement."),
    ("conventionnel", "Travailler avec des chiffres, des horaires ou des listes."),
    ("realiste", "Construire ou cuisiner quelque chose du début à la fin."),
    ("investigateur", "Résoudre une énigme ou un problème de logique."),
    ("artistique", "Monter sur scène ou préparer un spectacle."),
    ("social", "Aider des enfants, des aînés ou des personnes qui en ont besoin."),
    ("entreprenant", "Prendre les décisions quand il faut avancer."),
    ("conventionnel", "Suivre une méthode précise pour que tout soit fait comme il faut."),
)


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
