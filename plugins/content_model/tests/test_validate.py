"""Every validation rule has a failing fixture; the validator reports all problems at once."""

from content_model.noc import UnitGroup
from content_model.validate import report, validate_content
from trees import GOOD_FRONT, SECTIONS_BODY

NOC = {"63200": UnitGroup("63200", "Cuisiniers/cuisinières")}


def problems(tree, noc=NOC):
    return [str(p) for p in validate_content(tree.root, noc)]


def test_valid_tree_has_no_problem(tree):
    tree.metier("cuisinier")
    assert problems(tree) == []


def test_missing_required_field(tree):
    tree.metier(
        "cuisinier",
        GOOD_FRONT.replace('resume: "Prépare des repas pour une cuisine collective ou un CPE."\n', ""),
    )
    assert problems(tree) == ["content/metiers/cuisinier.md: resume: champ obligatoire manquant"]


def test_unknown_field_names_it(tree):
    tree.metier("cuisinier", GOOD_FRONT + "salaire: 20\n")
    assert problems(tree) == [
        "content/metiers/cuisinier.md:13: salaire: champ inconnu (vérifier l'orthographe)"
    ]


def test_code_format(tree):
    tree.metier("cuisinier", GOOD_FRONT.replace('cnp: "63200"', "cnp: 6320"))
    [problem] = problems(tree)
    assert problem.startswith("content/metiers/cuisinier.md:3: cnp: type invalide") and "(6320)" in problem


def test_code_that_does_not_exist_in_noc_2021(tree):
    tree.metier("cuisinier", GOOD_FRONT.replace('"63200"', '"99999"'))
    assert problems(tree) == [
        "content/metiers/cuisinier.md:3: cnp: ce code n'existe pas dans la CNP 2021 (99999)"
    ]


def test_code_existence_is_not_checked_without_reference(tree):
    tree.metier("cuisinier", GOOD_FRONT.replace('"63200"', '"99999"'))
    assert problems(tree, noc=None) == []


def test_unknown_sector_suggests_the_closest(tree):
    tree.metier("cuisinier", GOOD_FRONT.replace("[securite-alimentaire]", "[securite-alimentair]"))
    assert problems(tree) == [
        "content/metiers/cuisinier.md:5: secteurs: secteur inconnu ; vouliez-vous dire « securite-alimentaire » ? "
        "(securite-alimentair)"
    ]


def test_unknown_and_self_related(tree):
    tree.metier("cuisinier", GOOD_FRONT.replace("related: [autre]", "related: [cuisinier, autres]"))
    assert problems(tree) == [
        "content/metiers/cuisinier.md:11: related: fiche inconnue ; vouliez-vous dire « autre » ? (autres)",
        "content/metiers/cuisinier.md:11: related: une fiche ne peut pas se citer elle-même (cuisinier)",
    ]


def test_duplicate_slug_in_a_subfolder(tree):
    tree.metier("cuisinier")
    tree.metier("cuisinier", folder="archives")
    assert problems(tree) == [
        "content/metiers/cuisinier.md: slug (nom du fichier): slug en double, déjà utilisé par "
        "content/metiers/archives/cuisinier.md (cuisinier)"
    ]


def test_slug_must_be_lowercase_ascii(tree):
    tree.metier("Cuisinière")
    assert (
        "content/metiers/Cuisinière.md: slug (nom du fichier): minuscules, chiffres et traits d'union seulement"
        " (Cuisinière)" in problems(tree)
    )


def test_missing_and_misordered_sections(tree):
    body = SECTIONS_BODY.replace("## Qualités recherchées", "## Qualités").replace(
        "## Description\n\nTexte.\n\n## Tâches principales", "## Tâches principales\n\nx\n\n## Description"
    )
    tree.metier("cuisinier", body=body)
    assert problems(tree) == [
        "content/metiers/cuisinier.md: corps: section « ## Qualités recherchées » manquante",
        "content/metiers/cuisinier.md: corps: sections dans le désordre : Description / Tâches principales / "
        "Milieux de travail en ÉSAC / Formation et parcours / Qualités recherchées / Pour aller plus loin",
    ]


def test_broken_internal_links(tree):
    body = (
        SECTIONS_BODY
        + "\nVoir [x](/metiers/autr/), [y](/secteurs/securite-alimentaire/index.html) et [z](javascript:alert(1)).\n"
    )
    path = tree.metier("cuisinier", body=body)
    line = path.read_text(encoding="utf-8").split("\n").index(body.splitlines()[-1]) + 1
    found = problems(tree)
    assert len(found) == 3 and all(
        p.startswith(f"content/metiers/cuisinier.md:{line}: corps (lien): ") for p in found
    )
    assert any("lien interne brisé" in p and "« /metiers/autre/ » ? (/metiers/autr/)" in p for p in found)
    assert any("ne finissent pas par .html" in p for p in found)
    assert any("lien non permis" in p and "javascript:" in p for p in found)


def test_good_internal_links_pass(tree):
    body = (
        SECTIONS_BODY
        + "\n[a](/metiers/autre/) [b](/secteurs/securite-alimentaire/) [c](/cnp/63200/) [d](/recherche/)\n"
    )
    tree.metier("cuisinier", body=body)
    assert problems(tree) == []


def test_training_level_must_be_known(tree):
    tree.metier("cuisinier", GOOD_FRONT.replace("niveau: DEP", "niveau: Secondaire 5"))
    [problem] = problems(tree)
    assert problem.startswith(
        "content/metiers/cuisinier.md:7: formation.0.niveau: valeur non permise : choisir parmi"
    )
    assert problem.endswith("(Secondaire 5)")


def test_updated_must_be_a_date(tree):
    tree.metier("cuisinier", GOOD_FRONT.replace("updated: 2026-11-20", "updated: 2026-13-45"))
    assert problems(tree) == [
        "content/metiers/cuisinier.md:12: updated: date invalide (AAAA-MM-JJ) (2026-13-45)"
    ]


def test_html_in_a_title_is_refused(tree):
    tree.metier("cuisinier", GOOD_FRONT.replace('"Cuisinier·ère"', '"<b>Cuisinier</b>"'))
    [problem] = problems(tree)
    assert problem.startswith("content/metiers/cuisinier.md:2: title: format invalide")


def test_sector_file_name_must_follow_its_title(tree):
    tree.secteur("Petite enfance", slug="enfance")
    assert problems(tree) == [
        "content/secteurs/enfance.md:2: title: le nom du fichier doit être « petite-enfance.md » (Petite enfance)"
    ]


def test_broken_yaml_is_reported_with_its_line(tree):
    (tree.root / "metiers" / "casse.md").write_text('---\ntitle: "A\ncnp: "1"\n---\n', encoding="utf-8")
    [problem] = problems(tree)
    assert problem.startswith("content/metiers/casse.md:") and "front matter: YAML invalide" in problem


def test_all_problems_are_reported_in_one_run(tree):
    tree.metier(
        "cuisinier",
        GOOD_FRONT.replace('"63200"', '"99999"').replace("[securite-alimentaire]", "[nulle-part]"),
    )
    tree.metier("vide", "title: x\n")
    text = report(validate_content(tree.root, NOC))
    assert text.splitlines()[0] == f"{len(text.splitlines()) - 1} problèmes dans le contenu :"
    for expected in ("(99999)", "(nulle-part)", "content/metiers/vide.md: cnp: champ obligatoire manquant"):
        assert expected in text


def test_missing_illustration_and_orphan_image(tree):
    tree.metier(
        "cuisinier", GOOD_FRONT + "illustration: cuisine.jpg\nillustration_alt: Une cuisine collective\n"
    )
    (tree.root / "images").mkdir()
    (tree.root / "images" / "vieille.png").write_bytes(b"png")
    assert problems(tree) == [
        "content/images/vieille.png: image: image orpheline : aucune fiche ne l'utilise",
        "content/metiers/cuisinier.md:13: illustration: image introuvable dans images/ (cuisine.jpg)",
    ]
