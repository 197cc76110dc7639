"""The editors' report: what a sector expert should review before launch (not errors).

`invoke rapport` prints it: profiles no expert has reviewed yet (no `revise_le`), programs whose
page is not the program's own page or that have no ministry code, and profiles that say nothing
of practical requirements (`exigences`)."""

from __future__ import annotations

import re

from .corpus import Corpus

# page_titre says so when the page is broader than the program (the catalogue's own wording).
_BROADER = re.compile(r"(?i)page générale|liste des|page connexe|page d'accueil|pas la fiche")


def rapport(corpus: Corpus) -> str:
    metiers = sorted(corpus.of_kind("metier"), key=lambda f: f.slug)
    programmes = sorted(corpus.programmes.values(), key=lambda p: p.id)
    unreviewed = [f for f in metiers if not f.data.get("revise_le")]
    broader = [p for p in programmes if p.page and _BROADER.search(p.page_titre or "")]
    no_page = [p for p in programmes if not p.page and p.niveau != "Formation en emploi"]
    no_code = [p for p in programmes if not p.code and p.niveau in ("DEP", "ASP", "AEP", "DEC")]
    no_requirements = [f for f in metiers if not f.data.get("exigences")]
    sections = [
        (
            f"Fiches sans révision par une personne experte du secteur (revise_le) : {len(unreviewed)} sur {len(metiers)}",
            [f.rel for f in unreviewed],
        ),
        (f"Programmes sans page officielle : {len(no_page)}", [p.id for p in no_page]),
        (
            f"Programmes dont la page n'est pas la fiche du programme : {len(broader)}",
            [f"{p.id} — {p.page_titre}" for p in broader],
        ),
        (
            f"Programmes DEP, ASP, AEP ou DEC sans code du ministère confirmé : {len(no_code)}",
            [p.id for p in no_code],
        ),
        (
            f"Fiches sans exigences pratiques (permis, antécédents, âge, langues, cartes) : {len(no_requirements)}",
            [f.rel for f in no_requirements],
        ),
    ]
    lines = ["# Rapport pour la révision du contenu", ""]
    for title, items in sections:
        lines += [f"## {title}", "", *(f"- {item}" for item in items), ""]
    return "\n".join(lines)
