"""The search files: lunr indexes cut by the first letter of their terms, and the profiles'
records in small packets, so a query fetches only what it needs (a few kilobytes on the real site,
the same few at 10,000 profiles).

- `index.json` (meta): synonyms, stop words, gender table, sector list, and the names of the other
  files;
- `titres-<c>.json`: the titles, other titles, their synonyms and the title's word pairs, for the
  terms starting with <c> (a–z, 0–9; `_` for synonym concepts): each query unit is answered by one
  of them, completely, so the first results are final. A part that answers at most CARRIED
  profiles also carries their records (`fiches`: {ref: record}), so a first list is drawn from the
  files its words fetched, without a second round trip;
- `textes-<c>.json`: the summaries and the text (matches listed below the first ones);
- `fiches-<n>.json`: what a result shows, PACKET profiles per file (profiles in title order);
- `codes.json` (NOC codes → profiles, representative first, and the 2016 concordance) and
  `secteurs.json` (sector → profiles), fetched when a code or a sector is asked for;
- `mots.json`: the words of titles and other titles, fetched when a search finds nothing, to
  offer the nearest spelling (« vuisinier » → « cuisinier »: a typo on the first letter escapes
  the parts, which are cut by first letter).

A shard keeps each term's posting and the weights lunr computed over the whole index, so a
unit's scores are the same as in one big index (lunr divides by the query vector's norm, not the
document's).
"""

from __future__ import annotations

import json
import re
from bisect import bisect_left
from collections import Counter
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from lunr.builder import Builder
from lunr.idf import idf as Idf
from lunr.index import Index
from lunr.vector import Vector

from plugins.content_model.memo import Memo, text_key
from plugins.content_model.model import sort_key
from plugins.content_model.parallel import memoized_map

from . import pipeline

# The code the memo's terms come from (any change starts a fresh table).
MEMO_SOURCES = tuple(Path(__file__).parent / name for name in ("pipeline.py", "build.py", "stopwords_fr.txt"))
# Field → boost. The title parts answer titles, other titles and their synonyms (codes come from
# codes.json); the text parts add the summary (above) and the text (below).
# `paires`: the title's consecutive words (« maison_jeune »), for the bonus of a title holding the
# query's words in a row.
QUICK_FIELDS = {"titre": 10, "appellations": 6, "concepts_titre": 10, "concepts": 5, "paires": 1}
TEXT_FIELDS = {"resume": 3, "concepts_resume": 2, "corps": 1, "concepts_corps": 1}


class FrenchBuilder(Builder):
    """lunr's Builder (token set, index, serialization unchanged), fed terms already analysed:
    lunr.py's own `add` runs its tokenizer and five Python calls per word occurrence."""

    def add_terms(self, doc_ref: str, terms: dict):
        """`terms`: per field, its terms in order, or already `Counted`."""
        self._documents[doc_ref] = {}
        self.document_count += 1
        for field_name in self._fields:
            found = terms[field_name]
            length, counts = found if isinstance(found, Counted) else counted(found)
            field_ref = f"{field_name}/{doc_ref}"
            self.field_term_frequencies[field_ref] = counts
            self.field_lengths[field_ref] = length
            for term in counts:
                posting = self.inverted_index.get(term)
                if posting is None:
                    posting = {name: {} for name in self._fields}
                    posting["_index"] = self.term_index
                    self.term_index += 1
                    self.inverted_index[term] = posting
                posting[field_name][doc_ref] = {}

    def build(self) -> Index:
        """lunr's `build` without the token set: only the browser searches, and the serialized
        index leaves it out. Terms are numbered by part, then alphabetically: each part's
        weights are then one run of every document vector (`shards` cuts it without a loop per
        weight)."""
        ordered = sorted(self.inverted_index, key=lambda term: (shard_key(term), term))
        for position, term in enumerate(ordered):
            self.inverted_index[term]["_index"] = position
        self._calculate_average_field_lengths()
        self._create_field_vectors()
        return Index(
            inverted_index=self.inverted_index,
            field_vectors=self.field_vectors,
            token_set=None,
            fields=list(self._fields.keys()),
            pipeline=self.search_pipeline,
        )

    def _create_field_vectors(self):
        """lunr's BM25 weights, same formula and order of operations, one sort per vector."""
        k1, b = self._k1, self._b
        idfs = {term: Idf(posting, self.document_count) for term, posting in self.inverted_index.items()}
        self.field_vectors = {}
        for field_ref, frequencies in self.field_term_frequencies.items():
            field_name, _doc_ref = field_ref.split("/", 1)
            if not frequencies:
                self.field_vectors[field_ref] = Vector()
                continue
            norm = k1 * (1 - b + b * (self.field_lengths[field_ref] / self.average_field_length[field_name]))
            boost = self._fields[field_name].boost
            weights = sorted(
                (
                    self.inverted_index[term]["_index"],
                    round(idfs[term] * ((k1 + 1) * tf) / (norm + tf) * boost, 2),
                )
                for term, tf in frequencies.items()
            )
            self.field_vectors[field_ref] = Vector([x for pair in weights for x in pair])


class Counted(NamedTuple):
    """A field's terms, counted: how many, and {term: occurrences} in first-occurrence order
    (the order lunr numbers terms)."""

    length: int
    counts: dict[str, int]


def counted(terms) -> Counted:
    return Counted(len(terms), dict(Counter(terms)))


def index(analysed: list[tuple[str, dict[str, list[str]]]], fields: dict[str, int]):
    builder = FrenchBuilder()
    builder.ref("id")
    for field, boost in fields.items():
        builder.field(field, boost=boost)
    for ref, terms in analysed:
        builder.add_terms(ref, terms)
    return builder.build()


def quick_terms(metier, synonyms: pipeline.Synonyms) -> dict[str, list[str]]:
    return {
        "titre": pipeline.terms(metier.title),
        "appellations": pipeline.terms(" ".join(metier.appellations)),
        "concepts_titre": synonyms.concepts(metier.title),
        "concepts": synonyms.concepts(" . ".join(metier.appellations)),
        "paires": pairs(metier.title),
    }


def pairs(text: str) -> list[str]:
    words = pipeline.terms(text)
    return [f"{a}_{b}" for a, b in zip(words, words[1:], strict=False)]


def texts_terms(jobs: list[tuple[str, str, pipeline.Synonyms]]) -> list[dict[str, Counted]]:
    """Terms of the text index for each (summary, body text, synonyms), counted (compact to keep
    in the memo, and not counted again at each build): a pure function, run in worker processes
    for large sites."""
    found = []
    for resume, text, synonyms in jobs:
        words = pipeline.split(text)
        terms = {
            "resume": pipeline.terms(resume),
            "concepts_resume": synonyms.concepts(resume),
            "corps": pipeline.terms_of(words, pipeline.stem),
            "concepts_corps": synonyms.concepts_of(words),
        }
        found.append({field: counted(values) for field, values in terms.items()})
    return found


def text_terms(metiers, synonyms: pipeline.Synonyms, memo: Memo) -> list[dict[str, Counted]]:
    """The text index's terms of each profile, kept in the memo under the hash of its file and of
    the synonyms (a rebuild after one edit works out one profile's terms)."""
    synonyms_key = text_key(json.dumps(synonyms.for_browser(), sort_keys=True))
    keys = [text_key(m.fiche.key + synonyms_key) for m in metiers]
    jobs = [(m.resume, m.fiche.body.text, synonyms) for m in metiers]
    return memoized_map(memo, "terms", keys, texts_terms, jobs)


def store(metier, sector_index: dict[str, int]) -> list:
    """What a result shows, as [slug, title, code, 2016 codes, sectors (positions in the sector
    list; their names are in the page's sector menu), summary, other titles]: short to send."""
    return [
        metier.slug,
        metier.title,
        metier.cnp,
        list(getattr(metier, "cnp_2016", None) or []),
        [sector_index[s] for s in metier.secteurs if s in sector_index],
        metier.resume,
        list(metier.appellations or []),
    ]


def representatives(metiers: list, noc) -> dict[str, list[int]]:
    """For each NOC 2021 code, its profiles (positions) best first: the one its editors designate
    (`cnp_principal`), then by title. NOC titles name the main occupation first (« Éducateurs/
    éducatrices et aides-éducateurs… »): the profile whose title shares most words with that
    head, then with the whole title and the example titles, leads."""

    def words(text: str) -> set[str]:
        return set(pipeline.terms(text))

    def jaccard(a: set[str], b: set[str]) -> float:
        return len(a & b) / len(a | b) if a | b else 0.0

    groups: dict[str, list[tuple[tuple, int]]] = {}
    for position, metier in enumerate(metiers):
        unit = noc.unit_groups.get(metier.cnp)
        title = words(metier.title)
        if unit:
            head = words(re.split(r" et |, ", unit.titre, maxsplit=1)[0])
            examples = [words(e) for e in noc.examples.get(metier.cnp, [])]
            score = (
                jaccard(title, head),
                jaccard(title, words(unit.titre)),
                max((jaccard(title, e) for e in examples), default=0.0),
            )
        else:
            score = (0.0, 0.0, 0.0)
        designated = bool(getattr(metier, "cnp_principal", False))
        groups.setdefault(metier.cnp, []).append(((not designated, *(-x for x in score)), position))
    return {code: [p for _s, p in sorted(found)] for code, found in sorted(groups.items())}


def concordance(metiers, noc) -> dict[str, list[str]]:
    """NOC 2016 → NOC 2021 codes (official concordance), for the 2021 codes the site covers."""
    used = {m.cnp for m in metiers}
    return {old: sorted(new & used) for old, new in sorted(noc.to_2021.items()) if new & used}


# Profiles per record file: a first page of results fetches a few small files, at any size.
PACKET = 32
# A title part answering at most this many profiles carries their records: on the real site
# (every part, 200 profiles at most) it weighs about what the packets of a first list weigh; a
# larger part (thousands of profiles at 10,000) leaves them in the packets.
CARRIED = 256


def shard_key(term: str) -> str:
    """The part of a term: its first letter or digit, `_` for any other first character."""
    first = term[:1]
    return first if first.isascii() and first.isalnum() else "_"


def shards(serialized: dict) -> dict[str, dict]:
    """A lunr index cut by the first letter of its terms: each part keeps its terms' postings
    (empty ones left out: the page puts them back before `lunr.Index.load`) and, of each field
    vector, the weights of its terms."""
    postings: dict[str, list] = {}
    key_of: list[str] = [""] * len(serialized["invertedIndex"])  # term position → its part
    ends: dict[str, int] = {}  # a part's last term position, plus one
    for term, posting in serialized["invertedIndex"]:
        key = shard_key(term)
        key_of[posting["_index"]] = key
        ends[key] = max(ends.get(key, 0), posting["_index"] + 1)
        postings.setdefault(key, []).append([term, {k: v for k, v in posting.items() if v or k == "_index"}])
    if any(ends[key] - len(terms) != min(p["_index"] for _, p in terms) for key, terms in postings.items()):
        raise ValueError("shards: the terms of a part must be numbered in one run (FrenchBuilder)")
    vectors: dict[str, list] = {key: [] for key in postings}
    for field_ref, vector in serialized["fieldVectors"]:
        # Positions ascend and each part's terms are numbered in one run (FrenchBuilder.build).
        positions = vector[::2]
        start = 0
        while start < len(positions):
            key = key_of[positions[start]]
            end = bisect_left(positions, ends[key], start)
            vectors[key].append([field_ref, vector[2 * start : 2 * end]])
            start = end
    return {
        key: {**serialized, "fieldVectors": vectors[key], "invertedIndex": postings[key]}
        for key in sorted(postings)
    }


@lru_cache(maxsize=1)
def title_parts(titles: tuple) -> dict[str, dict]:
    """The title parts, from each profile's title terms: a pure function, kept while `invoke
    serve` runs (an edit of a profile's text leaves them as they were). Read, never changed."""
    return shards(index([(ref, dict(fields)) for ref, fields in titles], QUICK_FIELDS).serialize())


def vocabulary(metiers) -> list[list[str]]:
    """[light form, as written] of every word of 4 letters or more in the titles and other
    titles (inclusive suffixes dropped: « préposé·e » → « préposé »), stop words left out."""
    stop = pipeline.stop_words()
    words: dict[str, str] = {}
    for metier in metiers:
        for text in (metier.title, *(metier.appellations or [])):
            for written in pipeline.SEPARATOR.split(pipeline.masculine(text.lower())):
                folded = pipeline.split(written)
                if len(folded) == 1 and len(folded[0]) >= 4 and folded[0].isalpha() and folded[0] not in stop:
                    words.setdefault(pipeline.light(folded[0]), written)
    return sorted([light, written] for light, written in words.items())


def answered(part: dict) -> list[int]:
    """The profiles (refs) a part's postings name, in order."""
    refs: set[str] = set()
    for _term, posting in part["invertedIndex"]:
        for field, found in posting.items():
            if field != "_index":
                refs.update(found)
    return sorted(map(int, refs))


def carrying(part: dict, records: list) -> dict:
    """A title part with the records of the profiles it answers, when they are few (CARRIED).
    A new dict: the cached part stays as it was."""
    refs = answered(part)
    if len(refs) > CARRIED:
        return part
    return {**part, "fiches": {str(ref): records[ref] for ref in refs}}


def payloads(
    metiers, secteurs, noc, synonyms: pipeline.Synonyms, memo: Memo | None = None
) -> tuple[dict, dict]:
    """(meta without the file names, {(kind, key): data} for every other file)."""
    metiers = sorted(metiers, key=lambda m: (sort_key(m.title), m.slug))
    sector_slugs = sorted(s.slug for s in secteurs)
    sector_index = {slug: position for position, slug in enumerate(sector_slugs)}
    titles = tuple(
        (str(i), tuple((field, tuple(found)) for field, found in quick_terms(m, synonyms).items()))
        for i, m in enumerate(metiers)
    )
    terms = text_terms(metiers, synonyms, memo if memo is not None else Memo(None, sources=MEMO_SOURCES))
    text = index([(str(i), found) for i, found in enumerate(terms)], TEXT_FIELDS)
    files: dict[tuple[str, str], object] = {}
    records = [store(m, sector_index) for m in metiers]
    for key, part in title_parts(titles).items():
        files[("titres", key)] = carrying(part, records)
    for key, part in shards(text.serialize()).items():
        files[("textes", key)] = part
    for n in range(0, len(records), PACKET):
        files[("fiches", str(n // PACKET))] = records[n : n + PACKET]
    files[("codes", "")] = {"codes": representatives(metiers, noc), "concordance": concordance(metiers, noc)}
    by_sector: list[list[int]] = [[] for _ in sector_slugs]
    for ref, record in enumerate(records):
        for position in record[4]:
            by_sector[position].append(ref)
    files[("secteurs", "")] = by_sector
    files[("mots", "")] = vocabulary(metiers)
    meta = {
        "profils": len(metiers),
        "paquet": PACKET,
        "secteurs": sector_slugs,
        "synonymes": synonyms.for_browser(),
        "stopwords": sorted(pipeline.stop_words()),
        "genre": [list(pair) for pair in pipeline.GENRE],
        "inclusive": pipeline.INCLUSIVE.pattern,
    }
    return meta, files


def file_name(kind: str, key: str) -> str:
    return f"{kind}-{key}.json" if key else f"{kind}.json"


def to_json(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))
