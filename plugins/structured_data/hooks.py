"""Pelican glue: Jinja filters for JSON-LD, and the schema.org data of every profile and the site."""

from __future__ import annotations

from pelican.generators import ArticlesGenerator

from plugins.content_model.build import Build

from .jsonld import breadcrumb_list, occupation, script_json, website


def public_url(settings: dict) -> str:
    """Base URL of the published site: search engines want full addresses even in a preview."""
    return (settings.get("PUBLIC_URL") or settings.get("SITEURL") or "").rstrip("/")


def add_filters(generator):
    """`data|jsonld` (safe inside <script>) and `trail|breadcrumb_jsonld`, also usable in macros."""
    base = public_url(generator.settings)
    generator.env.filters["jsonld"] = script_json
    generator.env.filters["breadcrumb_jsonld"] = lambda items: breadcrumb_list(items, base)


def describe_content(generators):
    articles = next(g for g in generators if isinstance(g, ArticlesGenerator))
    settings, build = articles.settings, Build.of(articles.context)
    base = public_url(settings)
    for metier in articles.articles:
        unit = build.unit_group(metier.cnp)
        metier.occupation = occupation(
            metier,
            f"{base}/{metier.url}",
            unit.titre if unit else None,
            settings["CNP_OFFICIEL_URL"].format(code=metier.cnp),
            build.formation_options(metier.formation),
        )
    articles.context["site_jsonld"] = website(
        settings["SITENAME"], settings.get("SITESUBTITLE", ""), base, settings.get("AUTHOR", "")
    )
