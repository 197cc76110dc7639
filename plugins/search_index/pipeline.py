"""The French text pipeline, shared by the index (built here) and the browser (recherche.js).

Two normalizations, each written once here and once in recherche.js (a browser test compares
them on the whole corpus vocabulary):
- `light`: accents and case folded, feminine → masculine, plural dropped. Used for titles, other
  titles and summaries: « éducatrice » and « éducateurs » meet, « éducation » stays apart, and
  « travailleur » never becomes « travail ».
- `stem`: `light` then the Snowball French stemmer (lunr-languages' "stemmer-fr" in the browser).
  Used for the body only, where recall matters more than precision.
Phrases of the synonym file (content/synonymes.yaml) become one concept term, in documents and
in queries alike, so a multi-word expression matches as a whole.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from pathlib import Path

import snowballstemmer
import yaml

HERE = Path(__file__).parent
# Apostrophes, hyphens and slashes split words: « d'aide » indexes « aide ».
SEPARATOR = re.compile(r"[\s\-'’ʼ/.,;:!?«»()\[\]\"“”…]+")
_TRIM = re.compile(r"^[^0-9a-z]+|[^0-9a-z]+$")
# Inclusive suffixes are dropped, the masculine base kept: « intervenant·e » as the site writes
# them, and as readers type them without a middle dot on their keyboard: « intervenant(e) »,
# « intervenant-e », « conseiller.ère », « travailleur/euse » (after a hyphen, period or slash,
# only a feminine ending: « aide-cuisinier » stays two words). The page gets this pattern (first
# file's data, search page's head); `masculine()` applies it.
FEMININE_SUFFIXES = "e|es|ne|nes|le|les|se|ses|te|tes|fe|euse|euses|trice|trices|ère|ères|ière|ières|ive|ives|ale|ales|ée|ées|esse|esses"
INCLUSIVE = re.compile(
    rf"([a-zà-ÿ])(?:[·•⋅][a-zà-ÿ]+|\([a-zà-ÿ]{{1,6}}\)|[.\-/](?:{FEMININE_SUFFIXES})(?![a-zà-ÿ]))+",
    re.IGNORECASE,
)
# Feminine → masculine endings, longest first (same table in the browser, sent with the index).
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
    ("elles", "els"),
    ("elle", "el"),
    ("ales", "aux"),
    ("ale", "al"),
    ("ees", "es"),
    ("ee", "e"),
)
MAX_WORD = 40  # longer "words" are noise (and would cost the browser time)
_stemmer = snowballstemmer.stemmer("french")


@cache
def fold(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()


def masculin(word: str) -> str:
    for feminine, masculine in GENRE:
        if word.endswith(feminine) and len(word) > len(feminine) + 2:
            return word[: -len(feminine)] + masculine
    return word


def singulier(word: str) -> str:
    if len(word) > 4 and word.endswith("aux"):
        return word[:-3] + "al"
    if len(word) > 3 and word[-1] in "sx" and not word.endswith("ss"):
        return word[:-1]
    return word


@cache
def stop_words() -> frozenset[str]:
    lines = (HERE / "stopwords_fr.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(fold(line.strip()) for line in lines if line.strip() and not line.startswith("#"))


@cache
def _word(raw: str) -> str:
    # Cached: a profile's words repeat, and folding + trimming was most of the index's time.
    return _TRIM.sub("", fold(raw))[:MAX_WORD]


def masculine(text: str) -> str:
    """The text with its inclusive suffixes dropped (« Intervenant(e)s » → « Intervenant »)."""
    return INCLUSIVE.sub(r"\1", text)


def split(text: str) -> list[str]:
    """Folded words of a text, in order, stop words included (phrases need them)."""
    words = SEPARATOR.split(masculine(text or ""))
    return [w for w in map(_word, words) if w]


@cache
def light(word: str) -> str:
    """A folded word's light form (see the module docstring)."""
    return singulier(masculin(word))


@cache
def stem(word: str) -> str:
    return _stemmer.stemWord(light(word))


def terms(text: str, how=light) -> list[str]:
    """Indexed terms of a text: its words without stop words, normalized by `how`."""
    return terms_of(split(text), how)


def terms_of(folded: list[str], how=light) -> list[str]:
    """`terms` of words already split (a long text is split once for terms and concepts)."""
    stop = stop_words()
    return [how(w) for w in folded if w not in stop]


def whole_words(text: str) -> list[str]:
    """Folded words without stop words: for typos and prefixes while typing."""
    stop = stop_words()
    return [w for w in split(text) if w not in stop]


class Synonyms:
    """Groups of equivalent words and phrases (content/synonymes.yaml), two-way.

    Each phrase is a tuple of light forms (stop words kept, so « service de garde » is one
    phrase); a concept term names its group. `concepts(text)` finds the phrases in a text,
    longest first, without overlaps."""

    def __init__(self, groups: list[list[str]]):
        # Groups sharing a phrase are one group.
        merged: list[set[tuple[str, ...]]] = []
        for group in groups:
            phrases = {tuple(light(w) for w in split(str(item))) for item in group}
            phrases.discard(())
            overlapping = [m for m in merged if m & phrases]
            for m in overlapping:
                phrases |= m
                merged.remove(m)
            merged.append(phrases)
        self.table: dict[tuple[str, ...], str] = {}
        for phrases in merged:
            name = "≈" + "-".join(min(phrases, key=lambda p: (len(p), p)))
            for phrase in phrases:
                self.table[phrase] = name
        self.longest = max((len(p) for p in self.table), default=0)
        # The first word of every phrase: a text is only searched where one of them stands.
        self.starts = {phrase[0] for phrase in self.table}

    @classmethod
    def load(cls, path: Path) -> Synonyms:
        if not path.is_file():
            return cls([])
        return cls(yaml.safe_load(path.read_text(encoding="utf-8")) or [])

    def concepts(self, text: str) -> list[str]:
        """Concepts of a document's text. A one-word phrase that is also a stop word (« tes »,
        the abbreviation, is « tes » the possessive in a text) counts only in queries."""
        return self.concepts_of(split(text))

    def concepts_of(self, folded: list[str]) -> list[str]:
        """`concepts` of words already split."""
        words = list(map(light, folded))
        stop, starts = stop_words(), self.starts
        found, free = [], 0  # `free`: first position not inside a phrase already found
        for i in [i for i, word in enumerate(words) if word in starts]:
            if i < free:
                continue
            for size in range(min(self.longest, len(words) - i), 0, -1):
                name = self.table.get(tuple(words[i : i + size]))
                if name and not (size == 1 and folded[i] in stop):
                    found.append(name)
                    free = i + size
                    break
        return found

    def for_browser(self) -> dict[str, str]:
        """{"service de garde": "≈garderie", …}: phrases as space-joined light forms."""
        return {" ".join(phrase): name for phrase, name in sorted(self.table.items())}
