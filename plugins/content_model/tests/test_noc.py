import pytest

from content_model.noc import find_reference, load_unit_groups


def test_reads_the_shared_reference_copy(noc_csv):
    groups = load_unit_groups(noc_csv)
    assert len(groups) == 516
    assert groups["42201"].titre == "Travailleurs/travailleuses des services sociaux et communautaires"
    assert (groups["42201"].grande_categorie, groups["42201"].teer, groups["42201"].sous_groupe) == (
        "4",
        "2",
        "4220",
    )


def test_reads_statcan_structure_csv_keeping_unit_groups_only(tmp_path):
    path = tmp_path / "structure.csv"
    path.write_text(
        "\ufeffNiveau,Structure hiérarchique,Code dela CNP 2021 v1.0,Titres de classes,Définitions de la classe\n"
        '1,Grande catégorie,4,"Enseignement, droit",x\n'
        "5,Groupe de base,42202,Éducateurs/éducatrices et aides-éducateurs/aides-éducatrices de la petite enfance,y\n",
        encoding="utf-8",
    )
    groups = load_unit_groups(path)
    assert list(groups) == ["42202"] and groups["42202"].titre.startswith("Éducateurs")


def test_refuses_a_file_that_is_not_a_noc_list(tmp_path):
    path = tmp_path / "page.csv"
    path.write_text("<html>erreur</html>\n", encoding="utf-8")
    with pytest.raises(ValueError):
        load_unit_groups(path)


def test_find_reference_takes_the_first_existing_file(tmp_path):
    (tmp_path / "b.csv").write_text("x", encoding="utf-8")
    assert find_reference(["a.csv", "b.csv"], tmp_path) == tmp_path / "b.csv"
    assert find_reference(["a.csv"], tmp_path) is None
