"""Build the search payload: the lunr index, a compact document store and the code concordance."""

from __future__ import annotations

import json
import re
from html import unescape

from lunr.builder import Builder

from content_model.model import sort_key

from . import pipeline

# Field → boost: a match in the title counts most, then other job titles, then the summary.
FIELDS = {"title": 10, "appellations": 6, "prefixe": 4, "codes": 8, "resume": 3, "secteurs": 2, "body": 1}
_TAGS = re.compile(r"<[^>]+>")


def plain(html: str) -> str:
    return unescape(_TAGS.sub(" ", html or ""))


def document(metier, secteur_titles: dict[str, str], ref: str) -> dict:
    noms = " ".join([metier.title, *metier.appellations])
    words = (pipeline.fold(w) for w in pipeline.split(noms))
    return {
        # Short refs (the position in the document store) keep the serialized index small.
        "id": ref,
        "title": metier.title,
        "appellations": " ".join(metier.appellations),
        # Unstemmed, accent-folded title words: prefix matching while typing and typo tolerance.
        "prefixe": " ".join(w for w in words if w not in pipeline.stop_words()),
        "codes": " ".join([metier.cnp, *(getattr(metier, "cnp_2016", None) or [])]),
        "resume": metier.resume,
        "secteurs": " ".join(secteur_titles.get(s, s) for s in metier.secteurs),
        "body": plain(metier.content),
    }


def _without_apostrophes(doc: dict) -> dict:
    """lunr's tokenizer splits on spaces and hyphens only: make apostrophes and slashes spaces."""
    return {key: " ".join(pipeline.split(value)) if key != "id" else value for key, value in doc.items()}


def build_index(docs: list[dict], fields: dict[str, int] = FIELDS):
    builder = Builder()
    steps = [fn for fn, _ in pipeline.STEPS]
    builder.pipeline.add(*steps)
    builder.search_pipeline.add(*steps)
    # The prefix field keeps whole words: only trimmed and folded.
    for fn in (pipeline.genre, pipeline.stemmer):
        builder.pipeline.skip(fn, ["prefixe"])
    builder.ref("id")
    for field, boost in fields.items():
        builder.field(field, boost=boost)
    for doc in docs:
        builder.add(_without_apostrophes(doc))
    return builder.build()


def store(metier) -> dict:
    """What a result shows: compact keys keep the file small."""
    return {
        "id": metier.slug,
        "t": metier.title,
        "u": metier.url,
        "c": metier.cnp,
        "c16": list(getattr(metier, "cnp_2016", None) or []),
        "s": list(metier.secteurs),
        "r": metier.resume,
    }


def concordance(metiers) -> dict[str, list[str]]:
    """NOC 2016 → NOC 2021 codes, for the codes the content uses (from the profiles' cnp_2016)."""
    mapping: dict[str, set[str]] = {}
    for metier in metiers:
        for old in getattr(metier, "cnp_2016", None) or []:
            mapping.setdefault(old, set()).add(metier.cnp)
    return {old: sorted(new) for old, new in sorted(mapping.items())}


# Loaded first: everything but the body, so the first results come fast; the complete index
# (with the body) follows in a second file and replaces it as soon as it arrives.
QUICK_FIELDS = {name: boost for name, boost in FIELDS.items() if name != "body"}


def payloads(metiers, secteurs) -> tuple[dict, dict]:
    """(first file: quick index + everything the page needs, second file: complete index)."""
    metiers = sorted(metiers, key=lambda m: (sort_key(m.title), m.slug))
    titles = {s.slug: s.title for s in secteurs}
    docs = [document(m, titles, str(i)) for i, m in enumerate(metiers)]
    quick = build_index([{k: v for k, v in d.items() if k != "body"} for d in docs], QUICK_FIELDS)
    complete = build_index(docs)
    return {
        "index": compact(quick.serialize()),
        "docs": [store(m) for m in metiers],
        "secteurs": dict(sorted(titles.items())),
        "concordance": concordance(metiers),
        "synonymes": pipeline.synonyms(),
        "stopwords": sorted(pipeline.stop_words()),
        "genre": [list(pair) for pair in pipeline.GENRE],
    }, {"index": compact(complete.serialize())}


def compact(serialized: dict) -> dict:
    """Round the field-vector weights: three decimals rank the same and weigh far less."""
    serialized["fieldVectors"] = [
        [ref, [round(x, 3) if i % 2 else x for i, x in enumerate(vector)]]
        for ref, vector in serialized["fieldVectors"]
    ]
    return serialized


def to_json(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=False)
