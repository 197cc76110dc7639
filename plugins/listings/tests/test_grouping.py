from types import SimpleNamespace as Obj

from content_model.noc import UnitGroup
from listings.grouping import by_category_and_teer, by_code, by_letter, by_sector, related


def metier(slug, title, cnp, secteurs, rel=()):
    return Obj(slug=slug, title=title, cnp=cnp, secteurs=list(secteurs), related=list(rel))


EDU = metier("educatrice", "Éducatrice", "42202", ["petite-enfance"], ["aide"])
AIDE = metier("aide", "Aide-éducatrice", "42202", ["petite-enfance"])
CUIS = metier("cuisinier", "Cuisinier·ère", "63200", ["petite-enfance", "securite-alimentaire"])
INTER = metier("intervenant", "Intervenant·e", "42201", ["lutte"])
ALL = [EDU, AIDE, CUIS, INTER]


def test_letters_ignore_accents_and_sort_in_french_order():
    assert [(letter, [m.slug for m in ms]) for letter, ms in by_letter(ALL)] == [
        ("A", ["aide"]),
        ("C", ["cuisinier"]),
        ("E", ["educatrice"]),
        ("I", ["intervenant"]),
    ]


def test_by_sector_keeps_empty_sectors():
    grouped = by_sector(ALL, [Obj(slug="petite-enfance"), Obj(slug="transport")])
    assert [m.slug for m in grouped["petite-enfance"]] == ["aide", "cuisinier", "educatrice"]
    assert grouped["transport"] == []


def test_codes_are_grouped_with_official_titles_then_by_category_and_teer():
    codes = by_code(
        ALL, {"42202": UnitGroup("42202", "Éducateurs"), "63200": UnitGroup("63200", "Cuisiniers")}
    )
    assert list(codes) == ["42201", "42202", "63200"]
    assert codes["42201"].titre is None and codes["42202"].titre == "Éducateurs"
    tree = by_category_and_teer(codes)
    assert [(c["code"], [t["code"] for t in c["teer"]]) for c in tree] == [("4", ["2"]), ("6", ["3"])]
    assert tree[0]["titre"].startswith("Enseignement, droit")


def test_related_puts_the_editors_choice_first_then_same_minor_group():
    by_slug = {m.slug: m for m in ALL}
    assert [m.slug for m in related(EDU, by_slug)] == ["aide", "intervenant"]
    assert [m.slug for m in related(CUIS, by_slug)] == []
