from types import SimpleNamespace as Obj

from plugins.content_model.reference import Reference
from plugins.search_index import pipeline
from plugins.search_index.build import representatives


def test_light_form_joins_gender_and_number_but_keeps_different_words_apart():
    assert pipeline.light("educatrices") == pipeline.light("educateur") == "educateur"
    assert pipeline.light("education") != pipeline.light("educateur")
    assert pipeline.light("travailleur") != pipeline.light("travail")
    assert pipeline.light("sociaux") == pipeline.light("sociale") == "social"


def test_split_folds_accents_drops_inclusive_suffixes_and_caps_words():
    assert pipeline.split("Intervenant·e d’aide-domicile/école") == [
        "intervenant",
        "d",
        "aide",
        "domicile",
        "ecole",
    ]
    assert len(pipeline.split("x" * 10_000)[0]) == pipeline.MAX_WORD


# Inclusive forms as readers type them, without a middle dot on their keyboard.
INCLUSIVE_FORMS = {
    "Intervenant(e) communautaire": ["intervenant", "communautaire"],
    "intervenant-e communautaire": ["intervenant", "communautaire"],
    "intervenant.e·s": ["intervenant"],
    "intervenant/e": ["intervenant"],
    "conseiller.ère en emploi": ["conseiller", "en", "emploi"],
    "travailleur(euse) social(e)": ["travailleur", "social"],
    "TRAVAILLEUR-EUSE SOCIAL·E": ["travailleur", "social"],
    "animateur·trice·s": ["animateur"],
    # Compounds and other words after a hyphen or slash are words.
    "aide-cuisinier": ["aide", "cuisinier"],
    "éducateur/éducatrice": ["educateur", "educatrice"],
    "Trois-Rivières": ["trois", "rivieres"],
    "femmes-hommes": ["femmes", "hommes"],
}


def test_inclusive_forms_typed_without_a_middle_dot_keep_the_masculine_base():
    assert {text: pipeline.split(text) for text in INCLUSIVE_FORMS} == INCLUSIVE_FORMS


def test_terms_drop_stop_words_and_the_body_is_stemmed():
    assert pipeline.terms("de la et les") == []
    assert pipeline.terms("les cuisinières", pipeline.stem) == [pipeline.stem("cuisinier")]


def test_synonym_phrases_become_one_concept_two_ways_longest_first():
    synonyms = pipeline.Synonyms([["garderie", "service de garde"], ["tes", "éducation spécialisée"]])
    assert synonyms.concepts("Un service de garde scolaire") == synonyms.concepts("la garderie") != []
    assert synonyms.concepts("le service") == []
    assert synonyms.concepts("tes tâches du jour") == []  # « tes » the possessive, in a text
    phrase = " ".join(pipeline.light(w) for w in pipeline.split("éducation spécialisée"))
    assert synonyms.for_browser()["tes"] == synonyms.for_browser()[phrase]


def test_groups_sharing_a_phrase_are_merged():
    synonyms = pipeline.Synonyms([["cook", "cuisinier"], ["cuistot", "cuisinier"]])
    assert synonyms.concepts("cook") == synonyms.concepts("cuistot")


def test_the_profile_named_like_the_official_title_represents_its_code():
    noc = Reference.load().noc
    metiers = [
        Obj(title="Aide-éducateur·trice en petite enfance", appellations=[], cnp="42202"),
        Obj(title="Éducatrice / éducateur à la petite enfance", appellations=[], cnp="42202"),
    ]
    assert representatives(metiers, noc)["42202"] == [1, 0]


def test_the_profile_its_editors_designate_represents_its_code():
    noc = Reference.load().noc
    metiers = [
        Obj(title="Travailleur·euse de rue", appellations=[], cnp="42201"),
        Obj(title="Intervenant·e communautaire", appellations=[], cnp="42201", cnp_principal=True),
        Obj(title="Technicien·ne en travail social", appellations=[], cnp="42201"),
    ]
    assert representatives(metiers, noc)["42201"] == [1, 0, 2]


def test_each_part_of_the_index_scores_its_terms_as_the_whole_index_does():
    from lunr.index import Index

    from plugins.search_index.build import index, shard_key, shards

    texts = [
        "intervenant communautaire en maison de jeunes",
        "éducatrice à la petite enfance",
        "cuisinier en popote roulante",
        "intervenante de milieu, ≈garderie",
        "agent de développement communautaire",
    ]
    analysed = [
        (str(i), {"titre": pipeline.terms(t), "corps": pipeline.terms(t * 2)}) for i, t in enumerate(texts)
    ]
    whole = index(analysed, {"titre": 10, "corps": 1}).serialize()
    parts = shards(whole)
    assert set(parts) == {shard_key(term) for term, _posting in whole["invertedIndex"]}

    def loaded(serialized):
        for _term, posting in serialized["invertedIndex"]:
            for field in serialized["fields"]:
                posting.setdefault(field, {})
        return Index.load(serialized)

    full = loaded(whole)
    for term, _posting in whole["invertedIndex"]:
        part = loaded(parts[shard_key(term)])
        for field in ("titre", "corps"):

            def scores(idx, term=term, field=field):
                query = idx.create_query()
                query.term(term, fields=[field], use_pipeline=False)
                return [(m["ref"], round(m["score"], 6)) for m in idx.query(query)]

            assert scores(part) == scores(full), (term, field)


def test_a_title_part_carries_the_records_of_the_profiles_it_answers_when_they_are_few():
    from plugins.search_index.build import CARRIED, answered, carrying, index, shards

    def part_of(count):
        analysed = [(str(i), {"titre": ["intervenant", f"x{i}"]}) for i in range(count)]
        return shards(index(analysed, {"titre": 1}).serialize())["i"]

    records = [[f"profil-{i}"] for i in range(CARRIED + 1)]
    few = part_of(3)
    assert answered(few) == [0, 1, 2]
    assert carrying(few, records)["fiches"] == {"0": ["profil-0"], "1": ["profil-1"], "2": ["profil-2"]}
    assert "fiches" not in few  # the cached part is left as it was
    many = part_of(CARRIED + 1)
    assert "fiches" not in carrying(many, records)  # thousands at 10,000 profiles: packets instead


def test_the_vocabulary_offers_title_words_as_written_by_their_light_form():
    from plugins.search_index.build import vocabulary

    metier = Obj(title="Préposé·e aux bénéficiaires", appellations=["PAB", "aide-soignant·e d'un CHSLD"])
    words = dict(vocabulary([metier]))
    assert words["prepose"] == "préposé" and words["beneficiaire"] == "bénéficiaires"
    assert words["soignant"] == "soignant" and words["chsld"] == "chsld"
    assert "aux" not in words and "pab" not in words  # under 4 letters: no spelling to offer
