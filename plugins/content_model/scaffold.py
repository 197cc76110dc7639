"""Write the skeleton of a new profile that already passes the schema."""

from __future__ import annotations

import datetime
import re
from pathlib import Path

import yaml

from .frontmatter import FrontMatterError, parse
from .model import METIERS_DIR, SECTIONS, slugify


def render(titre: str, cnp: str, secteurs: list[str], today: datetime.date, related: list[str]) -> str:
    data = {
        "title": titre,
        "cnp": cnp,
        "cnp_2016": [],
        "secteurs": secteurs,
        "appellations": [titre],
        "formation": [{"niveau": "DEC", "programme": "À préciser : programme de formation au Québec"}],
        "resume": f"À compléter : une phrase qui dit ce que fait la personne ({titre}).",
        "related": related,
        "updated": today.isoformat(),
    }
    front = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, default_flow_style=False)
    body = "\n".join(f"## {section}\n\nÀ rédiger.\n" for section in SECTIONS)
    return f"---\n{front}---\n\n{body}"


def slug_for(titre: str) -> str:
    """File name of a new profile: the inclusive suffix is dropped (Intervenant·e → intervenant)."""
    return slugify(re.sub(r"·[^\s/-]+", "", titre))


def neighbours(content: Path, secteurs: list[str], limit: int = 3) -> list[str]:
    """Existing profiles of the same sectors: a starting point for `related`."""
    found = []
    for path in sorted((Path(content) / METIERS_DIR).glob("*.md")):
        try:
            data = parse(path.read_text(encoding="utf-8")).data
        except FrontMatterError:
            continue
        if set(data.get("secteurs") or []) & set(secteurs):
            found.append(path.stem)
    return found[:limit]


def write(content: Path, titre: str, cnp: str, secteurs: list[str], today: datetime.date) -> Path:
    path = Path(content) / METIERS_DIR / f"{slug_for(titre)}.md"
    if path.exists():
        raise FileExistsError(f"{path} existe déjà")
    path.write_text(render(titre, cnp, secteurs, today, neighbours(content, secteurs)), encoding="utf-8")
    return path
