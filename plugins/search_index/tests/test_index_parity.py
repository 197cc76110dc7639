"""FrenchBuilder must serialize exactly the index lunr.py's own Builder makes with the STEPS pipeline."""

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from lunr.builder import Builder

from plugins.search_index import pipeline
from plugins.search_index.build import FIELDS, build_index

CONTENT = Path(__file__).resolve().parents[3] / "content" / "metiers"


def reference_index(docs: list[dict], fields: dict[str, int]) -> dict:
    """The straightforward lunr.py way: its tokenizer, its pipeline runner, five calls per token."""
    builder = Builder()
    steps = [fn for fn, _ in pipeline.STEPS]
    builder.pipeline.add(*steps)
    builder.search_pipeline.add(*steps)
    for fn in (pipeline.genre, pipeline.stemmer):
        builder.pipeline.skip(fn, ["prefixe"])
    builder.ref("id")
    for field, boost in fields.items():
        builder.field(field, boost=boost)
    for doc in docs:
        # lunr's tokenizer splits on spaces and hyphens only: apostrophes and slashes become spaces.
        builder.add({k: v if k == "id" else " ".join(pipeline.split(v)) for k, v in doc.items()})
    return builder.build().serialize()


def docs_from(texts: list[list[str]]) -> list[dict]:
    return [{"id": str(i), **dict(zip(FIELDS, values, strict=True))} for i, values in enumerate(texts)]


def test_same_index_as_lunr_on_the_real_profiles():
    files = sorted(CONTENT.glob("*.md"))
    assert len(files) > 200
    # Each file's raw text (front matter and Markdown) in several fields: the real vocabulary,
    # accents, inclusive forms, apostrophes, codes and punctuation included.
    texts = [path.read_text(encoding="utf-8") for path in files]
    docs = docs_from([[t.split("\n")[1], t[:200], t[:120], t[-50:], t[200:600], "", t] for t in texts])
    assert build_index(docs).serialize() == reference_index(docs, FIELDS)


WORDS = st.sampled_from(
    "Éducatrice éducateur préposée d'aide aide-cuisinier/cuisinière intervenant·e L’équipe 42201 "
    "Œuvre coordonnatrice de la et les ÉCONOMIE sociale ‑ « » ... --- ʼ l'été".split()
)
TEXT = st.lists(st.one_of(WORDS, st.text(max_size=12)), max_size=25).map(" ".join)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.lists(TEXT, min_size=len(FIELDS), max_size=len(FIELDS)), min_size=1, max_size=6))
def test_same_index_as_lunr_on_any_text(texts):
    docs = docs_from(texts)
    assert build_index(docs).serialize() == reference_index(docs, FIELDS)
