import pytest

from content_model.frontmatter import FrontMatterError, parse


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
