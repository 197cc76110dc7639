"""Pelican signal handlers: attach groupings to content objects and the shared context."""

from __future__ import annotations

from pelican.generators import ArticlesGenerator, PagesGenerator

from plugins.content_model.build import Build
from plugins.content_model.catalogue import LEVEL_GROUPS
from plugins.content_model.model import INTERETS, slugify
from plugins.content_model.reference import TEER_COURT

from .grouping import (
    Neighbours,
    alphabetical,
    by_category_and_teer,
    by_code,
    by_letter,
    by_sector,
    related,
    sector_counts,
)


def link_content(generators):
    articles = next(g for g in generators if isinstance(g, ArticlesGenerator))
    pages = next(g for g in generators if isinstance(g, PagesGenerator))
    # Newest first, then by slug: profiles updated the same day keep one order from build to
    # build, so feeds and listings are byte-for-byte reproducible.
    articles.articles.sort(key=lambda a: a.slug)
    articles.articles.sort(key=lambda a: a.date, reverse=True)
    metiers, secteurs = alphabetical(articles.articles), alphabetical(pages.pages)
    build = Build.of(articles.context)
    noc = build.reference.noc.unit_groups

    metiers_by_slug = {m.slug: m for m in metiers}
    secteurs_by_slug = {s.slug: s for s in secteurs}
    per_sector = by_sector(metiers, secteurs)
    codes = by_code(metiers, noc)
    neighbours = Neighbours(metiers)
    official = build.reference.secteurs
    for secteur in secteurs:
        secteur.metiers = per_sector.get(secteur.slug, [])
        identity = official.get(secteur.slug)
        secteur.couleur = identity.couleur if identity else "#5b2a86"
        secteur.icone = identity.icone if identity else ""
    for metier in metiers:
        metier.secteurs_pages = [secteurs_by_slug[s] for s in metier.secteurs if s in secteurs_by_slug]
        metier.apparentes = related(metier, metiers_by_slug, neighbours)
        metier.formation_options = build.formation_options(metier.formation)
        metier.teer = TEER_COURT.get(metier.cnp[1], "")
        metier.niveaux = [slugify(group) for group, _programmes in metier.formation_options]
        metier.noc = (noc or {}).get(metier.cnp)

    articles.context.update(
        metiers=metiers,
        metiers_par_lettre=by_letter(metiers),
        secteurs=secteurs,
        secteurs_by_slug=secteurs_by_slug,
        codes_cnp=codes,
        cnp_arbre=by_category_and_teer(codes, build.reference.noc.categories),
        niveaux_etudes=[(slugify(group), group) for group, _levels in LEVEL_GROUPS],
        quiz_metiers=[[m.slug, m.title, list(getattr(m, "interets", None) or [])] for m in metiers],
        selection_metiers={m.slug: [m.title, m.cnp] for m in metiers},
    )


def write_interest_pages(generator, writer):
    """/interets/<type>/: the profiles of each interest type (the quiz's result without JavaScript)."""
    template = generator.get_template("interet")
    for code in INTERETS:
        metiers = [m for m in generator.context["metiers"] if code in (getattr(m, "interets", None) or [])]
        writer.write_file(
            f"interets/{code}/index.html",
            template,
            generator.context,
            interet=code,
            metiers_interet=metiers,
            par_secteur=sector_counts(metiers),
            page_name=f"interets/{code}/",
            url=f"interets/{code}/",
        )


def write_code_pages(generator, writer):
    """/cnp/<code>/: a stable short link listing the profiles of one NOC 2021 code."""
    template = generator.get_template("cnp_code")
    for code, group in generator.context["codes_cnp"].items():
        writer.write_file(
            f"cnp/{code}/index.html",
            template,
            generator.context,
            groupe=group,
            page_name=f"cnp/{code}/",
            url=f"cnp/{code}/",
        )
