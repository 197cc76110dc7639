"""Random and malformed input never produces a traceback, only precise problems."""

import string

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from content_model.validate import validate_content
from trees import GOOD_FRONT, SECTIONS_BODY, Tree

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=False),
    st.text(max_size=30),
    st.dates().map(str),
)
values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=10,
)
fields = st.sampled_from(
    [
        "title",
        "cnp",
        "cnp_2016",
        "secteurs",
        "appellations",
        "formation",
        "resume",
        "related",
        "updated",
        "autre",
    ]
)
yaml_noise = st.text(alphabet=string.printable + "éàç·’«»\t", max_size=200)

FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def check(tree: Tree, text: str):
    (tree.root / "metiers" / "fuzz.md").write_text(text, encoding="utf-8")
    problems = validate_content(tree.root)
    for problem in problems:
        assert problem.file.startswith("content/") and problem.field and problem.message
    return problems


@FUZZ
@given(data=st.dictionaries(fields, values, max_size=10))
def test_any_yaml_mapping_is_validated_without_error(tmp_path_factory, data):
    tree = Tree(tmp_path_factory.mktemp("fuzz") / "content")
    front = yaml.safe_dump(data, allow_unicode=True)
    check(tree, f"---\n{front}---\n{SECTIONS_BODY}")


@FUZZ
@given(noise=yaml_noise)
def test_broken_front_matter_text_never_raises(tmp_path_factory, noise):
    tree = Tree(tmp_path_factory.mktemp("fuzz") / "content")
    problems = check(tree, f"---\n{noise}\n---\n{SECTIONS_BODY}")
    assert any(p.file == "content/metiers/fuzz.md" for p in problems)


@FUZZ
@given(body=st.text(alphabet=string.printable + "éÉ«»[]()<>#", max_size=400))
def test_any_markdown_body_is_checked_without_error(tmp_path_factory, body):
    tree = Tree(tmp_path_factory.mktemp("fuzz") / "content")
    check(tree, f"---\n{GOOD_FRONT}---\n{body}")


def test_strange_yaml_keys_and_tags_are_reported(tmp_path):
    tree = Tree(tmp_path / "content")
    for text in (
        "---\n1: 2\n---\n",
        "---\n[a]: 1\n---\n",
        "---\ntitle: !!python/object:os.system x\n---\n",
        "---\n? {a: 1}\n: b\n---\n",
        "---\ntitle: &a [*a]\n---\n",
    ):
        problems = check(tree, text)
        assert any(p.file == "content/metiers/fuzz.md" for p in problems), text
