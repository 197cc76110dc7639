import json
from types import SimpleNamespace as Obj

from plugins.content_model.body import BodyConverter
from plugins.content_model.catalogue import Programme
from plugins.structured_data.jsonld import breadcrumb_list, occupation, script_json, website

BODY = BodyConverter().convert(
    """## Description

Tu cuisines pour cent personnes.

## Tâches principales

- Planifier les menus
- Cuire & servir
    - en équipe

## Formation et parcours

Le DEP en cuisine.

Puis l'ASP.

## Qualités recherchées

Rapidité, rigueur.
"""
)


def metier(**changes):
    data = dict(
        title="Cuisinier·ère",
        cnp="63200",
        appellations=["cuisinière", "cuisinier"],
        resume="Prépare des repas pour une cuisine collective.",
        fiche=Obj(body=BODY),
    )
    return Obj(**{**data, **changes})


def test_script_json_cannot_close_the_script_element_and_still_parses():
    data = {"name": "</script><script>alert(1)</script> <!-- & \u2028"}
    text = script_json(data)
    assert "</" not in text and "<!--" not in text and "\u2028" not in text
    assert json.loads(text) == data


def test_occupation_carries_the_noc_2021_code_and_the_sections():
    data = occupation(
        metier(),
        "https://x.qc.ca/metiers/cuisinier/",
        "Cuisiniers/cuisinières",
        "https://noc/63200",
        [("Formation professionnelle", [Programme("dep-cuisine", "DEP", "Cuisine")])],
    )
    assert data["@type"] == "Occupation"
    assert data["name"] == "Cuisinier·ère"
    assert data["occupationalCategory"] == {
        "@type": "CategoryCode",
        "codeValue": "63200",
        "inCodeSet": {"@type": "CategoryCodeSet", "name": "NOC 2021"},
        "url": "https://noc/63200",
        "name": "Cuisiniers/cuisinières",
    }
    assert data["responsibilities"] == ["Planifier les menus", "Cuire & servir en équipe"]
    assert data["skills"] == "Rapidité, rigueur."
    assert data["qualifications"] == "Le DEP en cuisine. Puis l'ASP."
    assert data["educationRequirements"][0]["credentialCategory"] == "DEP"
    assert data["occupationLocation"]["name"] == "Québec"


def test_occupation_leaves_out_what_the_profile_does_not_say():
    data = occupation(
        metier(fiche=Obj(body=BodyConverter().convert("## Description\n\nCourt.\n"))), "u", None, "o"
    )
    assert "responsibilities" not in data and "skills" not in data
    assert "name" not in data["occupationalCategory"]


def test_breadcrumb_starts_at_home_with_full_addresses():
    data = breadcrumb_list(
        [("Métiers A–Z", "/metiers/"), ("Cuisinier", "/metiers/cuisinier/")], "https://x.qc.ca"
    )
    items = data["itemListElement"]
    assert [i["position"] for i in items] == [1, 2, 3]
    assert (
        items[0]["item"] == "https://x.qc.ca/" and items[-1]["item"] == "https://x.qc.ca/metiers/cuisinier/"
    )


def test_website_offers_the_search():
    data = website("Fais le saut", "Les métiers", "https://x.qc.ca", "CSMO-ÉSAC")
    assert (
        data["potentialAction"]["target"]["urlTemplate"]
        == "https://x.qc.ca/recherche/?q={search_term_string}"
    )


def test_the_body_is_read_into_items_and_paragraphs_per_heading():
    found = {section.title: section for section in BODY.sections}
    assert list(found) == [
        "Description",
        "Tâches principales",
        "Formation et parcours",
        "Qualités recherchées",
    ]
    assert found["Description"].paragraphs == ["Tu cuisines pour cent personnes."]
    assert found["Tâches principales"].items[0] == "Planifier les menus"
    assert found["Formation et parcours"].paragraphs == ["Le DEP en cuisine.", "Puis l'ASP."]
