"""Write the skeleton of a new profile: the facts given (title, code, sectors), neighbours as
related profiles, and the sections to write. It is reported as incomplete until written."""

from __future__ import annotations

import datetime
import re
from pathlib import Path

import yaml

from .frontmatter import FrontMatterError, parse
from .model import JOURNEE_TYPE, METIERS_DIR, SECTEURS_DIR, SECTIONS, slugify
from .rules import suggest


class ScaffoldError(ValueError):
    pass


def render(titre: str, cnp: str, secteurs: list[str], today: datetime.date, related: list[str]) -> str:
    data = {
        "title": titre,
        "cnp": cnp,
        "cnp_2016": [],
        "secteurs": secteurs,
        "appellations": [],
        "formation": [],
        "resume": "À compléter : une phrase qui dit ce que fait la personne.",
        "interets": [],
        "horaires": [],
        "milieu": [],
        "related": related,
        "updated": today.isoformat(),
    }
    front = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, default_flow_style=False)
    parts = []
    for section in SECTIONS:
        parts.append(f"## {section}\n\nÀ rédiger.\n")
        if section == "Description":
            parts.append(f"### {JOURNEE_TYPE}\n\nÀ rédiger : une journée concrète, du matin au soir.\n")
    return f"---\n{front}---\n\n" + "\n".join(parts)


def slug_for(titre: str) -> str:
    """File name of a new profile: the inclusive suffix is dropped (Intervenant·e → intervenant)."""
    return slugify(re.sub(r"·[^\s/-]+", "", titre))


def neighbours(content: Path, secteurs: list[str], cnp: str, limit: int = 3) -> list[str]:
    """Existing profiles of the same sectors, those of the same NOC minor group first."""
    found = []
    for path in sorted((Path(content) / METIERS_DIR).glob("*.md")):
        try:
            data = parse(path.read_text(encoding="utf-8")).data
        except (FrontMatterError, OSError, UnicodeDecodeError):
            continue
        shared = len(set(data.get("secteurs") or []) & set(secteurs))
        same_group = str(data.get("cnp", ""))[:4] == cnp[:4]
        if shared or same_group:
            found.append((not same_group, -shared, path.stem))
    return [slug for *_, slug in sorted(found)[:limit]]


def write(content: Path, titre: str, cnp: str, secteurs: list[str], today: datetime.date) -> Path:
    known = {p.stem for p in (Path(content) / SECTEURS_DIR).glob("*.md")}
    for secteur in secteurs:
        if secteur not in known:
            raise ScaffoldError(f"secteurs: secteur inconnu{suggest(secteur, known)} ({secteur})")
    if not re.fullmatch(r"[0-9]{5}", cnp):
        raise ScaffoldError(f"cnp: attendu un code CNP 2021 de 5 chiffres, ex. 42201 ({cnp})")
    path = Path(content) / METIERS_DIR / f"{slug_for(titre)}.md"
    if path.exists():
        raise FileExistsError(f"{path} existe déjà")
    path.write_text(render(titre, cnp, secteurs, today, neighbours(content, secteurs, cnp)), encoding="utf-8")
    return path
