"""Every rule has a failing fixture; all problems come in one run, with file, line, field, value."""

from plugins.content_model.rules import annotations, report
from trees import GOOD_FRONT, body


def test_valid_tree_has_no_problem(tree):
    tree.metier("cuisinier", GOOD_FRONT.replace("related: [autre]", "related: [autre]"))
    assert tree.problems() == []


def test_missing_required_field(tree):
    tree.metier(
        "cuisinier",
        GOOD_FRONT.replace('resume: "Prépare des repas pour une cuisine collective ou un CPE."\n', ""),
    )
    assert tree.problems() == ["content/metiers/cuisinier.md: resume: champ obligatoire manquant"]


def test_every_unknown_field_is_named_with_its_line(tree):
    tree.metier("cuisinier", GOOD_FRONT + "salaire: 20\nhoraire: [jour]\n")
    assert tree.problems() == [
        "content/metiers/cuisinier.md:14: salaire: champ inconnu (vérifier l'orthographe)",
        "content/metiers/cuisinier.md:15: horaire: champ inconnu (vérifier l'orthographe) ; vouliez-vous dire « horaires » ?",
    ]


def test_code_that_does_not_exist_in_noc_2021(tree):
    tree.metier("cuisinier", GOOD_FRONT.replace('"63200"', '"99999"').replace('["6322"]', "[]"))
    found = tree.problems()
    assert "content/metiers/cuisinier.md:3: cnp: ce code n'existe pas dans la CNP 2021 (99999)" in found


def test_2016_code_must_exist_and_lead_to_the_2021_code(tree):
    tree.metier("cuisinier", GOOD_FRONT.replace('["6322"]', '["9998", "4212"]'))
    assert tree.problems() == [
        "content/metiers/cuisinier.md:4: cnp_2016: ce code n'existe pas dans la CNP 2016 (9998)",
        "content/metiers/cuisinier.md:4: cnp_2016: selon la concordance officielle, ce code 2016 devient 42201, pas 63200 (4212)",
    ]


def test_unknown_sector_points_at_its_item_and_suggests(tree):
    tree.metier(
        "cuisinier", GOOD_FRONT.replace("[securite-alimentaire]", "\n  - securite-alimentaire\n  - garderie")
    )
    [problem] = tree.problems()
    assert problem.startswith(
        "content/metiers/cuisinier.md:7: secteurs: secteur inconnu"
    ) and problem.endswith("(garderie)")


def test_unknown_and_self_related(tree):
    tree.metier("cuisinier", GOOD_FRONT.replace("related: [autre]", "related: [cuisinier, autres]"))
    found = tree.problems()
    assert (
        "content/metiers/cuisinier.md:12: related: une fiche ne peut pas se citer elle-même (cuisinier)"
        in found
    )
    assert any(
        p.startswith("content/metiers/cuisinier.md:12: related: fiche inconnue ; valeurs proches : autre")
        for p in found
    )


def test_noc_labels_are_not_appellations(tree):
    tree.metier(
        "cuisinier",
        GOOD_FRONT.replace("[cuisinière de cafétéria]", "[cuisinier/cuisinière, autre cuisinier]"),
    )
    found = tree.problems()
    assert len(found) == 2 and all("appellations" in p for p in found)


def test_sections_exactly_and_in_order(tree):
    text = (
        body("cuisinier")
        .replace("## Qualités recherchées", "## Salaire")
        .replace("## Pour aller plus loin", "## Qualités recherchées\n\nCourt.\n\n## Pour aller plus loin")
    )
    tree.metier("cuisinier", body_text=text + "\n## Salaire horaire\n\nRien.\n")
    found = tree.problems()
    assert any("section non permise" in p and "(Salaire)" in p for p in found)
    assert any("section non permise" in p and "(Salaire horaire)" in p for p in found)


def test_typical_day_is_required(tree):
    text = body("cuisinier").replace("### Une journée type", "### Autre chose")
    tree.metier("cuisinier", body_text=text)
    assert any("« ### Une journée type » manquante" in p for p in tree.problems())


def test_short_profile_is_refused(tree):
    tree.metier(
        "cuisinier", body_text=body("cuisinier").split("## Tâches")[0] + "## Tâches principales\n\nx\n"
    )
    assert any("texte trop court" in p for p in tree.problems())


def test_links_bare_addresses_and_html_as_text(tree):
    text = body("cuisinier") + (
        "\nVoir [x](/metiers/autr/), [y](/secteurs/securite-alimentaire/index.html), [z](javascript:alert(1)), "
        "[exemple](https://www.exemple.org/) et https://www.guichetemplois.gc.ca <script>alert(1)</script>\n"
    )
    path = tree.metier("cuisinier", body_text=text)
    line = path.read_text(encoding="utf-8").split("\n").index(text.splitlines()[-1]) + 1
    found = [p for p in tree.problems() if p.startswith("content/metiers/cuisinier.md")]
    assert len(found) == 7 and all(p.startswith(f"content/metiers/cuisinier.md:{line}: corps") for p in found)
    assert any("lien interne brisé" in p and "(/metiers/autr/)" in p for p in found)
    assert any("ne finissent pas par .html" in p for p in found)
    assert any("adresse non permise (javascript:)" in p for p in found)
    assert any("page d'accueil" in p for p in found)
    assert any("adresse écrite en texte" in p for p in found)
    assert any("HTML écrit dans le texte" in p for p in found)


def test_reference_style_and_multiline_links_are_seen(tree):
    text = body("cuisinier") + "\nVoir [ici][p] et [là](\njavascript:alert(2)).\n\n[p]: javascript:alert(1)\n"
    tree.metier("cuisinier", body_text=text)
    found = [p for p in tree.problems() if "javascript" in p]
    assert len(found) == 2


def test_figures_and_placeholders(tree):
    tree.metier(
        "cuisinier",
        body_text=body("cuisinier") + "\nLe salaire est de 20 $ et 30 % des gens.\n\nÀ compléter.\n",
    )
    found = tree.problems()
    assert sum("pas de salaire" in p for p in found) == 2 and any("texte à compléter" in p for p in found)


def test_sector_title_must_be_an_official_sector(tree):
    tree.secteur("Petite enfance", slug="enfance")
    tree.secteur("Garderies du coin")
    found = tree.problems()
    assert (
        "content/secteurs/enfance.md:2: title: le fichier de ce secteur doit s'appeler « petite-enfance.md » (Petite enfance)"
        in found
    )
    assert any(
        p.startswith(
            "content/secteurs/garderies-du-coin.md:2: title: ce n'est pas un des 32 secteurs officiels"
        )
        for p in found
    )


def test_one_designated_profile_per_code(tree):
    for slug in ("cuisinier", "aide-cuisinier"):
        front = GOOD_FRONT.replace("Cuisinier·ère", f"Métier {slug}").replace("Prépare", f"Prépare ({slug})")
        tree.metier(slug, front + "cnp_principal: true\n")
    tree.metier(
        "chef",
        GOOD_FRONT.replace("Cuisinier·ère", "Chef").replace("Prépare", "Dirige") + "cnp_principal: oui\n",
    )
    assert tree.problems() == [
        "content/metiers/chef.md:14: cnp_principal: type invalide : attendu true, ou retirer le champ (oui)",
        "content/metiers/cuisinier.md:14: cnp_principal: le code 63200 a déjà sa fiche principale "
        "(content/metiers/aide-cuisinier.md) : une seule par code (true)",
    ]


def test_boilerplate_sentence_in_three_profiles(tree):
    shared = "\nCe métier demande beaucoup de patience et de rigueur au quotidien.\n"
    for slug in ("un", "deux", "trois"):
        front = GOOD_FRONT.replace("Cuisinier·ère", f"Métier {slug}").replace(
            "Prépare des repas", f"Prépare ({slug}) des repas"
        )
        tree.metier(slug, front, body_text=body(slug) + shared)
    assert sum("phrase répétée dans 3 fiches" in p for p in tree.problems()) == 3


def test_mould_opening_in_more_than_five_profiles(tree):
    slugs = ("un", "deux", "trois", "quatre", "cinq", "six")
    for slug in slugs:
        front = GOOD_FRONT.replace("Cuisinier·ère", f"Métier {slug}").replace(
            "Prépare des repas", f"Prépare ({slug}) des repas"
        )
        mould = f"\nDans ce métier passionnant, tu vas surtout apprendre le volet {slug} du travail.\n"
        tree.metier(slug, front, body_text=body(slug) + mould)
    found = [p for p in tree.problems() if "début de phrase « dans ce métier passionnant tu" in p]
    assert len(found) == len(slugs)
    assert "dans 6 fiches (au plus 5)" in found[0]


def test_one_broken_file_causes_no_error_elsewhere(tree):
    (tree.root / "metiers" / "casse.md").write_text('---\ntitle: "A\ncnp: "1"\n---\n', encoding="utf-8")
    tree.metier("cuisinier", GOOD_FRONT.replace("related: [autre]", "related: [autre, casse]"))
    found = tree.problems()
    assert found and all(p.startswith("content/metiers/casse.md") for p in found), found


def test_all_problems_are_reported_in_one_run(tree):
    tree.metier(
        "cuisinier",
        GOOD_FRONT.replace('"63200"', '"99999"').replace("[securite-alimentaire]", "[nulle-part]"),
    )
    tree.metier("vide", "title: x\n")
    found = tree.problems()
    for expected in ("(99999)", "(nulle-part)", "content/metiers/vide.md: cnp: champ obligatoire manquant"):
        assert any(expected in p for p in found)


def test_report_and_annotations_formats(tree):
    from plugins.content_model.model import Problem

    problems = [
        Problem("content/metiers/a.md", "cnp", "ce code n'existe pas", "99999", 3),
        Problem("content/metiers/b.md", "corps", "section manquante"),
    ]
    assert report(problems).splitlines() == [
        "2 problèmes dans 2 fichiers :",
        "  content/metiers/a.md:3: cnp: ce code n'existe pas (99999)",
        "  content/metiers/b.md: corps: section manquante",
    ]
    assert annotations(problems).splitlines() == [
        "::error file=content/metiers/a.md,line=3,title=cnp::ce code n'existe pas (99999)",
        "::error file=content/metiers/b.md,title=corps::section manquante",
    ]
