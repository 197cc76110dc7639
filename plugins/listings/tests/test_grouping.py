from types import SimpleNamespace as Obj

from hypothesis import given, settings
from hypothesis import strategies as st

from plugins.content_model.model import sort_key
from plugins.content_model.reference import UnitGroup
from plugins.listings.grouping import Neighbours, by_category_and_teer, by_code, by_letter, by_sector, related


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
    tree = by_category_and_teer(
        codes, {"4": "Enseignement, droit et services sociaux", "6": "Vente et services"}
    )
    assert [(c["code"], [t["code"] for t in c["teer"]]) for c in tree] == [("4", ["2"]), ("6", ["3"])]
    assert tree[0]["titre"].startswith("Enseignement, droit")


def test_related_puts_the_editors_choice_first_then_same_minor_group():
    by_slug = {m.slug: m for m in ALL}
    assert [m.slug for m in related(EDU, by_slug)] == ["aide", "intervenant"]
    assert [m.slug for m in related(CUIS, by_slug)] == []


def reference_related(metier, metiers, limit=6):
    """The definition, by brute force: every other profile scored, sorted, the first kept."""
    by_slug = {m.slug: m for m in metiers}
    chosen = [by_slug[s] for s in metier.related if s in by_slug]
    taken = {metier.slug, *(m.slug for m in chosen)}
    ranked = []
    for other in metiers:
        shared = len(set(other.secteurs) & set(metier.secteurs))
        same_minor = other.cnp[:4] == metier.cnp[:4]
        if other.slug not in taken and (same_minor or shared >= 2):
            ranked.append(((not same_minor, -shared, sort_key(other.title), other.slug), other))
    ranked.sort(key=lambda item: item[0])
    return (chosen + [other for _, other in ranked])[: max(limit, len(chosen))]


SECTORS = st.sampled_from(["a", "b", "c", "d", "e"])
PROFILES = st.lists(
    st.tuples(
        st.sampled_from(["Éducatrice", "Aide", "cuisinier", "Zoé", "éclusier", "Abc"]),
        st.sampled_from(["42201", "42202", "42100", "63200", "11100"]),
        st.lists(SECTORS, min_size=1, max_size=3, unique=True),
    ),
    min_size=1,
    max_size=25,
)


@settings(max_examples=300, deadline=None)
@given(PROFILES, st.data())
def test_related_matches_its_brute_force_definition(rows, data):
    metiers = [metier(f"m{i}", title, cnp, secteurs) for i, (title, cnp, secteurs) in enumerate(rows)]
    for m in metiers:
        m.related = data.draw(
            st.lists(
                st.sampled_from([o.slug for o in metiers if o is not m] or ["x"]), max_size=3, unique=True
            )
        )
    by_slug = {m.slug: m for m in metiers}
    neighbours = Neighbours(metiers)
    for m in metiers:
        assert [o.slug for o in related(m, by_slug, neighbours)] == [
            o.slug for o in reference_related(m, metiers)
        ]
