"""Tiny content trees for rule tests: one call writes a valid profile or a sector; a test then
breaks exactly one thing and checks the one problem reported."""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

from plugins.content_model.corpus import read_corpus
from plugins.content_model.model import slugify
from plugins.content_model.reference import Reference
from plugins.content_model.rules import check

CATALOGUE = Path(__file__).resolve().parents[3] / "tests" / "fixtures" / "valid" / "formations.yaml"

GOOD_FRONT = textwrap.dedent(
    """\
    title: "Cuisinier·ère"
    cnp: "63200"
    cnp_2016: ["6322"]
    secteurs: [securite-alimentaire]
    appellations: [cuisinière de cafétéria]
    formation: [dep-cuisine]
    resume: "Prépare des repas pour une cuisine collective ou un CPE."
    interets: [realiste, artistique]
    horaires: [jour]
    milieu: [cuisine]
    related: [autre]
    updated: 2026-11-20
    """
)


def words(slug: str, topic: str, count: int) -> str:
    """`count` sentences about `topic` that no other profile shares (each names the slug early)."""
    return " ".join(
        f"Chez {slug} {number}, {topic} reste concret et utile pour la communauté du quartier."
        for number in range(count)
    )


def body(slug: str) -> str:
    """A valid profile body: the six sections, the typical day, enough words, unique sentences."""
    return textwrap.dedent(
        f"""
        ## Description

        {words(slug, "la description", 6)}

        ### Une journée type

        {words(slug, "la journée", 6)}

        ## Tâches principales

        - {words(slug, "la tâche", 1)}
        - {words(slug, "le suivi", 1)}

        ## Milieux de travail en ÉSAC

        {words(slug, "le milieu", 5)}

        ## Formation et parcours

        {words(slug, "la formation", 5)}

        ## Qualités recherchées

        {words(slug, "la qualité", 5)}

        ## Pour aller plus loin

        - [Site du Chantier de l'économie sociale](https://chantier.qc.ca/)
        """
    )


SECTIONS_BODY = body("fiche")


class Tree:
    """content/ with one sector and two valid profiles that cite each other."""

    def __init__(self, root: Path):
        self.root = root
        (root / "metiers").mkdir(parents=True)
        (root / "secteurs").mkdir(parents=True)
        shutil.copyfile(CATALOGUE, root / "formations.yaml")
        self.secteur("Sécurité alimentaire")
        self.cited = ["autre"]
        self.metier(
            "autre",
            GOOD_FRONT.replace("related: [autre]", "related: [autre-2]")
            .replace("Cuisinier·ère", "Autre métier")
            .replace("Prépare", "Sert"),
        )
        self._hub()

    def _hub(self):
        """autre-2 cites every profile written (no profile is an orphan unless a test wants one)."""
        front = GOOD_FRONT.replace("Cuisinier·ère", "Deuxième métier").replace("Prépare", "Livre")
        front = front.replace("related: [autre]", f"related: [{', '.join(self.cited[-6:])}]")
        path = self.root / "metiers" / "autre-2.md"
        path.write_text(f"---\n{front}---\n{body('autre-2')}", encoding="utf-8")

    def secteur(self, title: str, slug: str | None = None, body: str = "Intro.\n"):
        path = self.root / "secteurs" / f"{slug or slugify(title)}.md"
        path.write_text(f'---\ntitle: "{title}"\n---\n{body}', encoding="utf-8")
        return path

    def metier(self, slug: str, front: str = GOOD_FRONT, body_text: str | None = None, folder: str = ""):
        if slug not in self.cited and hasattr(self, "cited") and slug != "autre":
            self.cited.append(slug)
            self._hub()
        path = self.root / "metiers" / folder / f"{slug}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(
            f"---\n{front}---\n{body(slug) if body_text is None else body_text}", encoding="utf-8"
        )
        return path

    def problems(self) -> list[str]:
        return [str(p) for p in check(read_corpus(self.root), Reference.load(), ["", "recherche/"])]
