"""The French text pipeline, shared by the index (built here) and the browser (recherche.js).

Every function is registered under a label that the browser registers too: "stemmer-fr" is
lunr-languages' French Snowball stemmer, which matches snowballstemmer on accent-folded words;
the "-fls" functions are the project's own, re-implemented line for line in recherche.js.
Order: trim → fold accents and case → masculine form → stop words → stem. Folding first makes
"educatrice" and "éducatrice" one word; the masculine step makes "préposée" and "préposé" one.
"""

from __future__ import annotations

import json
import re
import unicodedata
from functools import cache
from pathlib import Path

import snowballstemmer
from lunr.pipeline import Pipeline
from lunr.token import Token

HERE = Path(__file__).parent
# Apostrophes split words: « d'aide » indexes « aide ». The browser uses the same characters.
SEPARATOR = re.compile(r"[\s\-'’ʼ/]+")
_TRIM = re.compile(r"^[^0-9a-zà-ÿ]+|[^0-9a-zà-ÿ]+$")
# Feminine → masculine endings, longest first (same table in recherche.js).
GENRE = (
    ("trices", "teurs"),
    ("trice", "teur"),
    ("euses", "eurs"),
    ("euse", "eur"),
    ("ieres", "iers"),
    ("iere", "ier"),
    ("eres", "ers"),
    ("ere", "er"),
    ("iennes", "iens"),
    ("ienne", "ien"),
    ("onnes", "ons"),
    ("onne", "on"),
    ("antes", "ants"),
    ("ante", "ant"),
    ("aises", "ais"),
    ("aise", "ais"),
    ("ives", "ifs"),
    ("ive", "if"),
    ("ees", "es"),
    ("ee", "e"),
)
_stemmer = snowballstemmer.stemmer("french")


@cache
def fold(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()


@cache
def masculin(word: str) -> str:
    for feminine, masculine in GENRE:
        if word.endswith(feminine) and len(word) > len(feminine) + 2:
            return word[: -len(feminine)] + masculine
    return word


@cache
def stop_words() -> frozenset[str]:
    lines = (HERE / "stopwords_fr.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


@cache
def synonyms() -> dict[str, list[str]]:
    return json.loads((HERE / "synonymes.json").read_text(encoding="utf-8"))


def _update(token: Token, fn) -> Token | None:
    token.update(lambda s, _metadata: fn(s))
    return token if str(token) else None


def trimmer(token, i=None, tokens=None):
    return _update(token, lambda s: _TRIM.sub("", s))


def folder(token, i=None, tokens=None):
    return _update(token, fold)


def genre(token, i=None, tokens=None):
    return _update(token, masculin)


def stop_word_filter(token, i=None, tokens=None):
    return None if str(token) in stop_words() else token


@cache
def stem(word: str) -> str:
    """Snowball is slow in pure Python; a corpus has few distinct words, so stem each once."""
    return _stemmer.stemWord(word)


def stemmer(token, i=None, tokens=None):
    return _update(token, stem)


STEPS = (
    (trimmer, "trimmer-fls"),
    (folder, "fold-fls"),
    (genre, "genre-fls"),
    (stop_word_filter, "stopWordFilter-fls"),
    (stemmer, "stemmer-fr"),
)
for _fn, _label in STEPS:
    Pipeline.register_function(_fn, _label)


# Inclusive suffixes (« intervenant·e ») are dropped: the masculine base plus the feminine
# appellations cover both forms.
INCLUSIVE = re.compile(r"·[a-zà-ÿ]+", re.IGNORECASE)


def split(text: str) -> list[str]:
    return [part for part in SEPARATOR.split(INCLUSIVE.sub("", text or "")) if part]


@cache
def term(word: str, whole: bool = False) -> str | None:
    """What the STEPS make of one lower-cased word, or None if it is dropped: the same result as
    running the pipeline on a token, without a Token object and five calls per occurrence.
    `whole` skips the masculine and stemming steps (the "prefixe" field keeps whole words)."""
    word = _TRIM.sub("", word)
    if word:
        word = fold(word)
    if word and not whole:
        word = masculin(word)
    if not word or word in stop_words():
        return None
    if not whole:
        word = stem(word)
    return word or None


# Raw word (as split) → indexed term, "" when dropped; one table per kind of field.
_TERMS: dict[bool, dict[str, str]] = {False: {}, True: {}}


def terms(text: str, whole: bool = False) -> list[str]:
    """Indexed terms of a field, in order: lunr's tokenizer then the STEPS, word by word."""
    table = _TERMS[whole]
    found = []
    for part in split(text):
        indexed = table.get(part)
        if indexed is None:
            indexed = table[part] = term(part.lower(), whole) or ""
        if indexed:
            found.append(indexed)
    return found


def run(text: str) -> list[str]:
    """The indexed terms of a text (what the browser's search pipeline produces for a word)."""
    pipeline = Pipeline()
    pipeline.add(*(fn for fn, _ in STEPS))
    return [str(t) for t in pipeline.run([Token(word.lower()) for word in split(text)])]
