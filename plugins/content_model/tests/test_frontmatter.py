import pytest

from plugins.content_model.frontmatter import FrontMatterError, parse


def test_parse_returns_data_body_and_field_lines():
    doc = parse('---\ntitle: "A"\ncnp: "42201"\nupdated: 2026-01-02\n---\n## Description\n')
    assert doc.data == {"title": "A", "cnp": "42201", "updated": "2026-01-02"}
    assert doc.lines == {"title": 2, "cnp": 3, "updated": 4}
    assert doc.body_line == 6 and doc.body == "## Description\n"


def test_missing_front_matter_is_reported_on_line_1():
    with pytest.raises(FrontMatterError) as error:
        parse("## Description\n")
    assert error.value.line == 1 and "---" in str(error.value)


def test_unclosed_front_matter():
    with pytest.raises(FrontMatterError, match="non fermé"):
        parse('---\ntitle: "A"\n')


def test_yaml_error_gives_the_file_line():
    with pytest.raises(FrontMatterError) as error:
        parse('---\ntitle: "A"\nsecteurs: [a, b\ncnp: "1"\n---\n')
    assert error.value.line in (4, 5) and "YAML invalide" in str(error.value)


def test_front_matter_must_be_a_mapping():
    with pytest.raises(FrontMatterError, match="clé: valeur"):
        parse("---\n- a\n- b\n---\n")


def test_an_alias_bomb_is_refused_before_anything_expands():
    bomb = (
        "---\na: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
        + "".join(f"{chr(99 + i)}: &{chr(99 + i)} [{', '.join(['*' + chr(98 + i)] * 9)}]\n" for i in range(8))
        + "---\n"
    )
    with pytest.raises(FrontMatterError) as error:
        parse(bomb)
    assert "ancres YAML" in str(error.value) and error.value.line == 2


def test_duplicate_keys_are_errors_with_both_lines():
    with pytest.raises(FrontMatterError) as error:
        parse('---\ntitle: "A"\ncnp: "42201"\ntitle: "B"\n---\n')
    [issue] = error.value.issues
    assert (issue.field, issue.line, issue.message) == ("title", 4, "champ en double (déjà à la ligne 2)")


def test_yaml_errors_are_said_in_french_with_line_and_column():
    with pytest.raises(FrontMatterError) as error:
        parse("---\ntitle: Un titre: avec deux-points\n---\n")
    message = str(error.value)
    assert "deux-points" in message and "colonne" in message and "mapping values" not in message


def test_lines_of_list_items_are_known():
    doc = parse("---\nsecteurs:\n  - a\n  - b\n---\n")
    assert doc.lines["secteurs.1"] == 4
