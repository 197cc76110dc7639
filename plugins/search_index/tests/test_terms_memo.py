"""Search terms kept between builds: same index, and only edited profiles are analysed again."""

from types import SimpleNamespace

from plugins.search_index import build


def metier(slug, title, body):
    return SimpleNamespace(
        slug=slug,
        title=title,
        url=f"metiers/{slug}/",
        cnp="42201",
        cnp_2016=["4212"],
        secteurs=["a"],
        appellations=[title],
        resume="Résumé.",
        fiche=SimpleNamespace(body=SimpleNamespace(text=body)),
    )


def test_memoized_terms_give_the_same_index_and_only_edited_profiles_are_analysed(tmp_path, monkeypatch):
    settings = {"CACHE_PATH": tmp_path, "CACHE_CONTENT": True, "LOAD_CONTENT_CACHE": True}
    secteurs = [SimpleNamespace(slug="a", title="Secteur A")]
    metiers = [metier("cuisinier", "Cuisinier", "repas"), metier("aide", "Aide", "accueil")]
    first = build.payloads(
        metiers,
        secteurs,
        build.memo(settings),
    )

    analysed = []
    original = build.analyse
    monkeypatch.setattr(
        build, "analyse", lambda doc, fields: analysed.append(doc["title"]) or original(doc, fields)
    )
    assert (
        build.payloads(
            metiers,
            secteurs,
            build.memo(settings),
        )
        == first
    )
    assert analysed == []

    metiers[0].fiche.body.text = "repas et collations"
    edited = build.payloads(
        metiers,
        secteurs,
        build.memo(settings),
    )
    assert analysed == ["Cuisinier"]
    assert edited != first
    assert edited == build.payloads(metiers, secteurs, build.memo())  # same as without a memo
