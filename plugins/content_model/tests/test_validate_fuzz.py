"""Random, malformed and hostile input never produces a traceback, only precise problems; and
whatever Markdown holds, the published HTML has no script vector."""

import string
from html.parser import HTMLParser

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from plugins.content_model.body import BodyConverter
from plugins.content_model.corpus import read_corpus
from plugins.content_model.reference import Reference
from plugins.content_model.rules import check as check_rules
from plugins.content_model.sanitize import TAGS
from trees import SECTIONS_BODY, Tree

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
        "interets",
        "exigences",
        "autre",
    ]
)
yaml_noise = st.text(alphabet=string.printable + "éàç·’«»\t", max_size=200)
FUZZ = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
REFERENCE = Reference.load()


def check(tree: Tree, text: str):
    (tree.root / "metiers" / "fuzz.md").write_text(text, encoding="utf-8")
    problems = check_rules(read_corpus(tree.root), REFERENCE, [""])
    for problem in problems:
        assert problem.file.startswith("content/") and problem.field and problem.message
    return problems


@FUZZ
@given(data=st.dictionaries(fields, values, max_size=10))
def test_any_yaml_mapping_is_validated_without_error(tmp_path_factory, data):
    tree = Tree(tmp_path_factory.mktemp("fuzz") / "content")
    front = yaml.safe_dump(data, allow_unicode=True)
    assert any(p.file == "content/metiers/fuzz.md" for p in check(tree, f"---\n{front}---\n{SECTIONS_BODY}"))


@FUZZ
@given(noise=yaml_noise)
def test_broken_front_matter_text_never_raises(tmp_path_factory, noise):
    tree = Tree(tmp_path_factory.mktemp("fuzz") / "content")
    problems = check(tree, f"---\n{noise}\n---\n{SECTIONS_BODY}")
    assert any(p.file == "content/metiers/fuzz.md" for p in problems)


def test_strange_yaml_keys_tags_aliases_and_duplicates_are_reported(tmp_path):
    tree = Tree(tmp_path / "content")
    for text in (
        "---\n1: 2\n---\n",
        "---\n[a]: 1\n---\n",
        "---\ntitle: !!python/object:os.system x\n---\n",
        "---\n? {a: 1}\n: b\n---\n",
        "---\ntitle: &a [*a]\n---\n",
        "---\ntitle: a\ntitle: b\n---\n",
    ):
        problems = check(tree, text)
        assert any(p.file == "content/metiers/fuzz.md" for p in problems), text


# Payloads that try to reach a script context: raw HTML, attribute injection, link schemes.
PAYLOADS = st.sampled_from(
    [
        "<script>alert(1)</script>",
        '<img src=x onerror="alert(1)">',
        '{: onclick="alert(1)" }',
        "[x](javascript:alert(1))",
        "[x](JaVaScRiPt:alert(1) 'titre')",
        "[x](javascript:alert%281%29)",
        "[x](\njavascript:alert(1))",
        "[x][r]\n\n[r]: javascript:alert(1)",
        '![p](https://x/p.png){: onerror="alert(1)" }',
        "![p](javascript:alert(1))",
        "[x](data:text/html;base64,PHNjcmlwdD4=)",
        "[x](vbscript:msgbox(1))",
        "<a href='javascript:alert(1)'>a</a>",
        "<svg onload=alert(1)>",
        "<iframe src=javascript:alert(1)>",
        "[x](//evil.example/)",
        "&lt;script&gt;",
        "`<script>`",
    ]
)


class Elements(HTMLParser):
    """Every element and attribute a browser would build from the HTML."""

    def __init__(self):
        super().__init__()
        self.found = []

    def handle_starttag(self, tag, attrs):
        self.found.append((tag, dict(attrs)))


def script_vectors(html: str) -> list:
    parser = Elements()
    parser.feed(html)
    bad = []
    for tag, attrs in parser.found:
        if tag not in TAGS or any(name.startswith("on") or name == "style" for name in attrs):
            bad.append((tag, attrs))
        for name in ("href", "src"):
            value = (attrs.get(name) or "").strip().lower()
            if value and not value.startswith(("http://", "https://", "mailto:", "tel:", "/", "#")):
                bad.append((tag, attrs))
            if value.startswith("//"):
                bad.append((tag, attrs))
    return bad


@settings(max_examples=300, deadline=None)
@given(
    parts=st.lists(st.one_of(PAYLOADS, st.text(alphabet=string.printable + "éÉ«»", max_size=40)), max_size=8)
)
def test_published_html_has_no_script_vector(parts):
    html = BodyConverter().convert("\n".join(parts)).html
    assert script_vectors(html) == [], html
