"""Tiny content trees for validator tests: one call writes a profile or a sector."""

from __future__ import annotations

import textwrap
from pathlib import Path

SECTIONS_BODY = textwrap.dedent(
    """
    ## Description

    Texte.

    ## Tâches principales

    - Une tâche.

    ## Milieux de travail en ÉSAC

    Texte.

    ## Formation et parcours

    Texte.

    ## Qualités recherchées

    Texte.

    ## Pour aller plus loin

    - [Guichet-Emplois](https://www.guichetemplois.gc.ca/)
    """
)

GOOD_FRONT = textwrap.dedent(
    """\
    title: "Cuisinier·ère"
    cnp: "63200"
    cnp_2016: ["6322"]
    secteurs: [securite-alimentaire]
    appellations: [cuisinière]
    formation:
      - niveau: DEP
        programme: "Cuisine"
    resume: "Prépare des repas pour une cuisine collective ou un CPE."
    related: [autre]
    updated: 2026-11-20
    """
)


class Tree:
    def __init__(self, root: Path):
        self.root = root
        (root / "metiers").mkdir(parents=True)
        (root / "secteurs").mkdir(parents=True)
        self.secteur("Sécurité alimentaire")
        self.metier("autre", GOOD_FRONT.replace("related: [autre]", "related: [autre-2]"))
        self.metier("autre-2", GOOD_FRONT)

    def secteur(self, title: str, slug: str | None = None, body: str = "Intro.\n"):
        from content_model.model import slugify

        path = self.root / "secteurs" / f"{slug or slugify(title)}.md"
        path.write_text(f'---\ntitle: "{title}"\n---\n{body}', encoding="utf-8")
        return path

    def metier(self, slug: str, front: str = GOOD_FRONT, body: str = SECTIONS_BODY, folder: str = ""):
        path = self.root / "metiers" / folder / f"{slug}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"---\n{front}---\n{body}", encoding="utf-8")
        return path
