"""Build the search payload: the lunr index, a compact document store and the code concordance."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from lunr.builder import Builder
from lunr.idf import idf as Idf
from lunr.vector import Vector

from plugins.content_model.memo import Memo, text_key
from plugins.content_model.model import sort_key

from . import pipeline

# Field → boost: a match in the title counts most, then other job titles, then the summary.
FIELDS = {"title": 10, "appellations": 6, "prefixe": 4, "codes": 8, "resume": 3, "secteurs": 2, "body": 1}


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
        "body": metier.fiche.body.text,
    }


# Fields whose words are indexed whole (no masculine form, no stemming).
WHOLE_WORDS = {"prefixe"}


class FrenchBuilder(Builder):
    """lunr's Builder (token set, index, serialization unchanged), fed terms by pipeline.terms.

    lunr.py's `add` tokenizes character by character and calls five Python functions on a Token
    per occurrence: 6 million calls at 10,000 profiles; its field vectors are built by sorted
    insertion, one term at a time. Here each distinct word goes through the pipeline once
    (cached), occurrences are counted with a Counter and each vector is sorted once; the
    structures and numbers are exactly lunr's (test_index_parity.py compares serialized indexes).
    """

    def add(self, doc, attributes=None):
        self.add_terms(str(doc[self._ref]), analyse(doc, self._fields), attributes)

    def add_terms(self, doc_ref: str, terms: dict[str, list[str]], attributes=None):
        """Add a document already analysed: {field: its indexed terms, in order}."""
        if self.metadata_whitelist:
            raise ValueError("FrenchBuilder does not record term metadata")
        self._documents[doc_ref] = attributes or {}
        self.document_count += 1
        for field_name in self._fields:
            found = terms[field_name]
            field_ref = f"{field_name}/{doc_ref}"
            # Counter keeps first-occurrence order, the order in which lunr numbers new terms.
            counts = Counter(found)
            self.field_term_frequencies[field_ref] = counts
            self.field_lengths[field_ref] = len(found)
            for term in counts:
                posting = self.inverted_index.get(term)
                if posting is None:
                    posting = {name: {} for name in self._fields}
                    posting["_index"] = self.term_index
                    self.term_index += 1
                    self.inverted_index[term] = posting
                posting[field_name][doc_ref] = {}

    def _create_field_vectors(self):
        """lunr's BM25 weights, same formula and order of operations, one sort per vector."""
        k1, b = self._k1, self._b
        idfs = {term: Idf(posting, self.document_count) for term, posting in self.inverted_index.items()}
        self.field_vectors = {}
        for field_ref, frequencies in self.field_term_frequencies.items():
            field_name, doc_ref = field_ref.split("/", 1)
            field_length = self.field_lengths[field_ref]
            field_boost = self._fields[field_name].boost
            doc_boost = self._documents[doc_ref].get("boost", 1)
            if not frequencies:  # nothing to weigh (and the field's average length may be 0)
                self.field_vectors[field_ref] = Vector()
                continue
            norm = k1 * (1 - b + b * (field_length / self.average_field_length[field_name]))
            weights = []
            for term, tf in frequencies.items():
                score = idfs[term] * ((k1 + 1) * tf) / (norm + tf)
                score *= field_boost
                score *= doc_boost
                weights.append((self.inverted_index[term]["_index"], round(score, 3)))
            weights.sort()
            self.field_vectors[field_ref] = Vector([x for pair in weights for x in pair])


def analyse(doc: dict, fields) -> dict[str, list[str]]:
    return {field: pipeline.terms(doc[field], whole=field in WHOLE_WORDS) for field in fields}


def search_pipeline(builder: Builder) -> Builder:
    """The query-time pipeline serialized with the index (the browser rebuilds it by label)."""
    builder.search_pipeline.add(*(fn for fn, _ in pipeline.STEPS))
    return builder


def index_terms(analysed: list[tuple[str, dict[str, list[str]]]], fields: dict[str, int]):
    """The lunr index of documents already analysed: [(ref, {field: terms})]."""
    builder = search_pipeline(FrenchBuilder())
    builder.ref("id")
    for field, boost in fields.items():
        builder.field(field, boost=boost)
    for ref, terms in analysed:
        builder.add_terms(ref, terms)
    return builder.build()


def build_index(docs: list[dict], fields: dict[str, int] = FIELDS):
    return index_terms([(str(doc["id"]), analyse(doc, fields)) for doc in docs], fields)


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


# What a profile's terms come from: a change to any of these starts a fresh memo.
MEMO_SOURCES = tuple(Path(__file__).parent / name for name in ("pipeline.py", "build.py", "stopwords_fr.txt"))
MEMO_PACKAGES = ("snowballstemmer",)


def memo(settings: dict | None = None) -> Memo:
    """Each profile's terms, kept between builds under the hash of its indexed text
    (`CACHE_PATH/search_index.pickle`; without settings, for this run only)."""
    if settings is None:
        return Memo(None, False, MEMO_SOURCES, MEMO_PACKAGES)
    return Memo.for_build(settings, "search_index", MEMO_SOURCES, MEMO_PACKAGES)


def memoized_terms(doc: dict, memo: Memo) -> dict[str, list[str]]:
    # The ref (a position in the list) is left out: adding a profile must not re-analyse the rest.
    text = json.dumps({k: v for k, v in doc.items() if k != "id"}, ensure_ascii=False, sort_keys=True)
    return memo.get("terms", text_key(text), lambda: analyse(doc, FIELDS))


def payloads(metiers, secteurs, terms_memo: Memo | None = None) -> tuple[dict, dict]:
    """(first file: quick index + everything the page needs, second file: complete index)."""
    metiers = sorted(metiers, key=lambda m: (sort_key(m.title), m.slug))
    titles = {s.slug: s.title for s in secteurs}
    terms_memo = terms_memo if terms_memo is not None else memo()
    # Each profile is analysed once, for both indexes (and not again while its text is the same).
    analysed = [
        (str(i), memoized_terms(document(m, titles, str(i)), terms_memo)) for i, m in enumerate(metiers)
    ]
    terms_memo.save()
    quick = index_terms(analysed, QUICK_FIELDS)
    complete = index_terms(analysed, FIELDS)
    return {
        "index": quick.serialize(),
        "docs": [store(m) for m in metiers],
        "secteurs": dict(sorted(titles.items())),
        "concordance": concordance(metiers),
        "synonymes": pipeline.synonyms(),
        "stopwords": sorted(pipeline.stop_words()),
        "genre": [list(pair) for pair in pipeline.GENRE],
    }, {"index": complete.serialize()}


def to_json(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=False)
