"""Pelican glue: Jinja filters for JSON-LD, and the schema.org data of every profile and the site."""

from __future__ import annotations

from pelican.generators import ArticlesGenerator

from content_model.memo import Memo, text_key

from . import sections as sections_module
from .jsonld import breadcrumb_list, occupation, script_json, website
from .sections import sections


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
    settings = articles.settings
    base, noc = public_url(settings), settings.get("NOC_UNIT_GROUPS") or {}
    # Reading a page's sections back from its HTML is the slow part: kept between builds under
    # the hash of the HTML, with Pelican's content cache switches.
    memo = Memo.for_build(settings, "structured_data", [sections_module.__file__], ())
    for metier in articles.articles:
        unit = noc.get(metier.cnp)
        metier.occupation = occupation(
            metier,
            f"{base}/{metier.url}",
            unit.titre if unit else None,
            settings["CNP_OFFICIEL_URL"].format(code=metier.cnp),
            memo.get("sections", text_key(metier.content), lambda html=metier.content: sections(html)),
        )
    memo.save()
    articles.context["site_jsonld"] = website(
        settings["SITENAME"], settings.get("SITESUBTITLE", ""), base, settings.get("AUTHOR", "")
    )
