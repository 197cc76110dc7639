from lunr.index import Index

from plugins.search_index import pipeline
from plugins.search_index.build import build_index
from plugins.search_index.query import clauses, search


def test_accents_case_apostrophes_and_gender_fold_to_one_term():
    assert pipeline.run("Éducatrice") == pipeline.run("educateur") == ["educ"]
    assert pipeline.run("d'aide") == ["aid"]
    assert pipeline.run("Préposée") == pipeline.run("prepose")
    assert pipeline.run("intervenant·e") == pipeline.run("intervenante")


def test_stop_words_and_separators():
    assert pipeline.run("de la et les") == []
    assert pipeline.split("aide-cuisinier/cuisinière d’école") == [
        "aide",
        "cuisinier",
        "cuisinière",
        "d",
        "école",
    ]


def test_codes_survive_the_pipeline():
    assert pipeline.run("42201 4212") == ["42201", "4212"]


def test_clauses_add_prefix_only_while_typing_and_synonyms_with_lower_boost():
    typing = clauses("thanato")
    assert {"term": "thanato", "fields": ["prefixe"], "wildcard": True, "boost": 4} in typing
    assert not any(c.get("wildcard") for c in clauses("thanato "))
    assert {"term": "cpe", "boost": 3} in clauses("garderie")
    assert clauses('+"~^*:') == []


def index_of(*docs):
    fields = ("title", "appellations", "prefixe", "codes", "resume", "secteurs", "body")
    return Index.load(
        build_index(
            [{"id": str(i), **{f: d.get(f, "") for f in fields}} for i, d in enumerate(docs)]
        ).serialize()
    )


def test_search_ranks_title_matches_first_and_tolerates_a_typo():
    index = index_of(
        {"title": "Cuisinier", "prefixe": "cuisinier", "body": "cuisine collective"},
        {"title": "Nutritionniste", "prefixe": "nutritionniste", "body": "menus pour la cuisine"},
    )
    assert search(index, "cuisinière") == ["0"]
    assert search(index, "nutritioniste") == ["1"]  # one letter missing
