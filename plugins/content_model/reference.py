"""Reference facts every profile is checked against: NOC 2021 and 2016 (data/cnp/), the 32
official sectors (data/secteurs.yaml) and the training catalogue (content/formations.yaml).

Shipped with the project (see data/README.md), so a fresh clone verifies every code offline.
"""

from __future__ import annotations

import csv
import hashlib
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .model import DATA_DIR

NOC_FILES = (
    "noc2021_unit_groups.csv",
    "noc2021_hierarchy.csv",
    "noc2021_example_titles.csv",
    "noc2016_unit_groups.csv",
    "noc2016_to_2021.csv",
)
# The columns each file must have (fetch-noc refuses a file without them).
NOC_COLUMNS = {
    "noc2021_unit_groups.csv": {"code", "title_en", "title_fr", "teer"},
    "noc2021_hierarchy.csv": {"code", "level", "title_en", "title_fr"},
    "noc2021_example_titles.csv": {"code", "lang", "title", "illustrative"},
    "noc2016_unit_groups.csv": {"code", "title_en", "title_fr"},
    "noc2016_to_2021.csv": {"code_2016", "code_2021", "change_type"},
}
# The 6 TEER categories (2nd digit of a NOC 2021 code), in plain words for students.
TEER = {
    "0": "Gestion",
    "1": "Diplôme universitaire habituellement exigé",
    "2": "Diplôme collégial, programme d'apprentissage de deux ans ou plus, ou fonctions de supervision",
    "3": "Diplôme collégial ou programme d'apprentissage de moins de deux ans, ou plus de six mois de formation en cours d'emploi",
    "4": "Diplôme d'études secondaires ou plusieurs semaines de formation en cours d'emploi",
    "5": "Courte démonstration du travail, sans exigence scolaire formelle",
}


# The same, in a few words (the profile's « En bref » box).
TEER_COURT = {
    "0": "Poste de gestion",
    "1": "Université",
    "2": "Collégial ou apprentissage de 2 ans et plus",
    "3": "Collégial court, apprentissage ou formation en emploi",
    "4": "Secondaire ou quelques semaines en emploi",
    "5": "Sans diplôme, on t'apprend sur place",
}


class ReferenceError(ValueError):
    """A reference file is missing or not what it should be (one French sentence)."""


@dataclass(frozen=True)
class UnitGroup:
    code: str
    titre: str
    title_en: str = ""

    @property
    def teer(self) -> str:
        return self.code[1]


def _rows(path: Path, columns: set[str]) -> list[dict]:
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            missing = columns - set(reader.fieldnames or [])
            if missing:
                raise ReferenceError(f"{path.name} : colonnes manquantes ({', '.join(sorted(missing))})")
            return list(reader)
    except OSError as error:
        raise ReferenceError(f"{path} illisible ({error.strerror})") from None
    except (UnicodeDecodeError, csv.Error):
        raise ReferenceError(f"{path.name} n'est pas un fichier CSV UTF-8") from None


@dataclass
class Noc:
    """NOC 2021 unit groups, hierarchy and example titles, NOC 2016 codes and the concordance."""

    unit_groups: dict[str, UnitGroup]
    categories: dict[str, str]  # broad categories and major groups: code -> French title
    examples: dict[str, list[str]]  # code -> French illustrative example titles
    codes_2016: dict[str, str]  # NOC 2016 code -> French title
    to_2021: dict[str, set[str]]  # NOC 2016 code -> NOC 2021 codes
    from_2016: dict[str, set[str]] = field(default_factory=dict)  # NOC 2021 code -> 2016 codes

    @classmethod
    def load(cls, folder: Path) -> Noc:
        read = {name: _rows(folder / name, NOC_COLUMNS[name]) for name in NOC_FILES}
        units = {
            r["code"]: UnitGroup(r["code"], r["title_fr"], r["title_en"])
            for r in read["noc2021_unit_groups.csv"]
            if len(r["code"]) == 5 and r["code"].isdigit()
        }
        if len(units) < 500:
            raise ReferenceError(f"{folder / NOC_FILES[0]} : liste des groupes de base CNP 2021 incomplète")
        examples: dict[str, list[str]] = defaultdict(list)
        for r in read["noc2021_example_titles.csv"]:
            if r["lang"] == "fr":
                examples[r["code"]].append(r["title"])
        to_2021: dict[str, set[str]] = defaultdict(set)
        from_2016: dict[str, set[str]] = defaultdict(set)
        for r in read["noc2016_to_2021.csv"]:
            to_2021[r["code_2016"]].add(r["code_2021"])
            from_2016[r["code_2021"]].add(r["code_2016"])
        return cls(
            unit_groups=units,
            categories={
                r["code"]: r["title_fr"] for r in read["noc2021_hierarchy.csv"] if len(r["code"]) <= 2
            },
            examples=dict(examples),
            codes_2016={r["code"]: r["title_fr"] for r in read["noc2016_unit_groups.csv"]},
            to_2021=dict(to_2021),
            from_2016=dict(from_2016),
        )


@dataclass(frozen=True)
class Secteur:
    nom: str
    slug: str
    couleur: str = "#5b2a86"
    icone: str = ""  # SVG drawing instructions on a 24×24 grid (project data, not content)


def load_secteurs(path: Path) -> dict[str, Secteur]:
    """slug -> official sector, in the committee's order."""
    try:
        rows = yaml.safe_load(path.read_text(encoding="utf-8"))
        return {
            row["slug"]: Secteur(row["nom"], row["slug"], row.get("couleur", "#5b2a86"), row.get("icone", ""))
            for row in rows
        }
    except (OSError, yaml.YAMLError, TypeError, KeyError):
        raise ReferenceError(f"{path} : liste des 32 secteurs illisible") from None


@dataclass
class Reference:
    noc: Noc
    secteurs: dict[str, Secteur]

    @classmethod
    def load(cls, data_dir: Path = DATA_DIR) -> Reference:
        """The reference data; the last one read is kept while the files' bytes stay the same
        (a preview session builds again and again; builds only read it)."""
        data_dir = Path(data_dir)
        files = [data_dir / "cnp" / name for name in NOC_FILES] + [data_dir / "secteurs.yaml"]
        try:
            key = tuple(hashlib.sha256(path.read_bytes()).hexdigest() for path in files)
        except OSError:
            key = None  # a file missing: the loaders say which
        if key is None or _last.get("key") != key:
            _last.clear()
            _last.update(
                key=key, reference=cls(Noc.load(data_dir / "cnp"), load_secteurs(data_dir / "secteurs.yaml"))
            )
        return _last["reference"]


_last: dict = {}  # {"key": the files' hashes, "reference": what they gave}
