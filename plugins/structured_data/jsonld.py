"""schema.org data for search engines: Occupation per profile, BreadcrumbList, WebSite."""

from __future__ import annotations

import json

from markupsafe import Markup

TASKS = "Tâches principales"
TRAINING = "Formation et parcours"
QUALITIES = "Qualités recherchées"
# Inside <script>, "</script>" or "<!--" in a title or a sentence would end the script early.
# Escaped as \u003c etc., they stay the same characters for a JSON parser.
_SCRIPT_SAFE = str.maketrans(
    {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}
)


def script_json(data) -> Markup:
    """JSON that can sit inside <script type="application/ld+json"> whatever its strings hold."""
    return Markup(json.dumps(data, ensure_ascii=False, separators=(",", ":")).translate(_SCRIPT_SAFE))


def occupation(metier, url: str, official_title: str | None, official_url: str, formation=()) -> dict:
    """A profile as a schema.org Occupation (the NOC 2021 code as its occupational category),
    from the sections its body was read into once (content_model.body)."""
    body = {section.title: section for section in metier.fiche.body.sections}
    category = {
        "@type": "CategoryCode",
        "codeValue": metier.cnp,
        "inCodeSet": {"@type": "CategoryCodeSet", "name": "NOC 2021"},
        "url": official_url,
    }
    if official_title:
        category["name"] = official_title
    data = {
        "@context": "https://schema.org",
        "@type": "Occupation",
        "name": metier.title,
        "alternateName": list(metier.appellations),
        "description": metier.resume,
        "url": url,
        "occupationalCategory": category,
        "educationRequirements": [
            {
                "@type": "EducationalOccupationalCredential",
                "credentialCategory": programme.niveau,
                "name": programme.nom,
            }
            for _group, programmes in formation
            for programme in programmes
        ],
        "occupationLocation": {"@type": "AdministrativeArea", "name": "Québec"},
    }
    for key, heading in (("responsibilities", TASKS), ("skills", QUALITIES)):
        section = body.get(heading)
        if section and (section.items or section.paragraphs):
            data[key] = section.items or section.text
    if body.get(TRAINING) and body[TRAINING].text:
        data["qualifications"] = body[TRAINING].text
    return data


def breadcrumb_list(items: list[tuple[str, str]], base: str) -> dict:
    """BreadcrumbList from the page's trail [(label, path)], home first."""
    trail = [("Accueil", "/"), *items]
    return {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": index, "name": label, "item": base + path}
            for index, (label, path) in enumerate(trail, start=1)
        ],
    }


def website(name: str, description: str, base: str, publisher: str) -> dict:
    """The site itself, with its search (lets search engines offer a search box)."""
    return {
        "@context": "https://schema.org",
        "@type": "WebSite",
        "name": name,
        "description": description,
        "url": base + "/",
        "inLanguage": "fr-CA",
        "publisher": {"@type": "Organization", "name": publisher},
        "potentialAction": {
            "@type": "SearchAction",
            "target": {"@type": "EntryPoint", "urlTemplate": base + "/recherche/?q={search_term_string}"},
            "query-input": "required name=search_term_string",
        },
    }
