"""NOC 2021 (CNP 2021) reference: load the official unit-group list and name its parts.

The list itself is not in the repository: `invoke fetch-noc` downloads Statistics Canada's
classification structure CSV into data/. Two layouts are read: StatCan's structure file
(French or English headers, every level in one file) and the project's shared reference copy
(code,title_en,title_fr,teer,broad_category).
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path

# The 10 broad occupational categories (1st digit) and the 6 TEER categories (2nd digit),
# as named by Statistics Canada in NOC 2021 V1.0. Short, stable facts: kept here so that the
# site can group codes even when only the unit-group list is available.
BROAD_CATEGORIES = {
    "0": "Membres des corps législatifs et cadres supérieurs/cadres supérieures",
    "1": "Affaires, finance et administration",
    "2": "Sciences naturelles et appliquées et domaines apparentés",
    "3": "Secteur de la santé",
    "4": "Enseignement, droit et services sociaux, communautaires et gouvernementaux",
    "5": "Arts, culture, sports et loisirs",
    "6": "Vente et services",
    "7": "Métiers, transport, machinerie et domaines apparentés",
    "8": "Ressources naturelles, agriculture et production connexe",
    "9": "Fabrication et services d'utilité publique",
}
TEER = {
    "0": "Gestion",
    "1": "Diplôme universitaire habituellement exigé",
    "2": "Diplôme collégial, programme d'apprentissage de deux ans ou plus, ou fonctions de supervision",
    "3": "Diplôme collégial ou programme d'apprentissage de moins de deux ans, ou plus de six mois de formation en cours d'emploi",
    "4": "Diplôme d'études secondaires ou plusieurs semaines de formation en cours d'emploi",
    "5": "Courte démonstration du travail, sans exigence scolaire formelle",
}

UNIT_GROUP = re.compile(r"^[0-9]{5}$")


@dataclass(frozen=True)
class UnitGroup:
    code: str
    titre: str

    @property
    def grande_categorie(self) -> str:
        return self.code[0]

    @property
    def teer(self) -> str:
        return self.code[1]

    @property
    def sous_groupe(self) -> str:
        """Minor group: the first four digits (e.g. 4220 for 42201)."""
        return self.code[:4]


def _column(headers: list[str], *candidates: str, prefix: str | None = None) -> str | None:
    lowered = {h.strip().lower(): h for h in headers}
    for name in candidates:
        if name.lower() in lowered:
            return lowered[name.lower()]
    if prefix:
        for h in headers:
            if h.strip().lower().startswith(prefix):
                return h
    return None


def load_unit_groups(path: str | Path) -> dict[str, UnitGroup]:
    """Read a NOC 2021 list; return {code: UnitGroup} for the 5-digit unit groups only."""
    with open(path, encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        headers = reader.fieldnames or []
        code_col = _column(headers, "code", prefix="code")
        title_col = _column(
            headers, "title_fr", "Titres de classes", "Titre de la classe", "Class title", "title_en"
        )
        if not code_col or not title_col:
            raise ValueError(f"{path}: colonnes du code et du titre introuvables ({headers})")
        groups = {}
        for row in reader:
            code = (row.get(code_col) or "").strip()
            if UNIT_GROUP.match(code):
                groups[code] = UnitGroup(code, (row.get(title_col) or "").strip())
    if not groups:
        raise ValueError(f"{path}: aucun groupe de base (code à 5 chiffres) trouvé")
    return groups


def find_reference(candidates: list[str | Path], base: Path) -> Path | None:
    """The first existing NOC reference file among the configured candidates."""
    for candidate in candidates:
        path = Path(candidate)
        path = path if path.is_absolute() else base / path
        if path.is_file():
            return path
    return None
