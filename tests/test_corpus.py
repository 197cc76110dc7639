"""The whole corpus of profiles: counts per sector, real codes, sections, length, originality."""

from __future__ import annotations

import csv
import itertools
import re
from collections import Counter
from functools import cache

import pytest

from conftest import ROOT
from content_model.frontmatter import parse
from content_model.model import SECTIONS
from content_model.validate import validate_content

CONTENT = ROOT / "content"
MIN_PROFILES = 220
MIN_PER_SECTOR = 6
MIN_WORDS = 400
SHINGLE = 8
WORD = re.compile(r"[\wÀ-ÿ’'-]+")
# The 32 activity sectors of the CSMO-ÉSAC (Repères survey, 2018-2019 revision).
SECTEURS_OFFICIELS = 32


@cache
def profiles() -> dict[str, tuple[dict, str]]:
    return {
        path.stem: (doc.data, doc.body)
        for path in sorted((CONTENT / "metiers").glob("*.md"))
        for doc in [parse(path.read_text(encoding="utf-8"))]
    }


def words(text: str) -> list[str]:
    text = re.sub(r"\]\([^)]*\)", "]", text)  # link targets are not prose
    text = re.sub(r"https?://\S+", "", text)  # nor are bare addresses
    return WORD.findall(re.sub(r"^#+ .*$", "", text, flags=re.M))


def prose(text: str) -> str:
    """The text without links: sector names and source titles are shared facts, not prose."""
    return re.sub(r"\[[^\]]*\]\([^)]*\)", " ", text)


def shingles(text: str) -> set[str]:
    tokens = [w.lower() for w in words(text)]
    return {" ".join(tokens[i : i + SHINGLE]) for i in range(len(tokens) - SHINGLE + 1)}


def test_content_is_valid_with_codes_checked_against_noc_2021(noc_csv):
    from content_model.noc import load_unit_groups

    assert [str(p) for p in validate_content(CONTENT, load_unit_groups(noc_csv))] == []


def test_there_are_32_sectors_and_enough_profiles():
    assert len(list((CONTENT / "secteurs").glob("*.md"))) == SECTEURS_OFFICIELS
    assert len(profiles()) >= MIN_PROFILES


def test_every_sector_lists_at_least_six_profiles():
    counts = Counter(s for data, _ in profiles().values() for s in data["secteurs"])
    sectors = sorted(p.stem for p in (CONTENT / "secteurs").glob("*.md"))
    assert {s: counts[s] for s in sectors if counts[s] < MIN_PER_SECTOR} == {}


def test_every_profile_has_the_sections_and_at_least_400_words():
    short = {slug: len(words(body)) for slug, (_, body) in profiles().items() if len(words(body)) < MIN_WORDS}
    assert short == {}
    for slug, (_, body) in profiles().items():
        assert re.findall(r"^## (.+)$", body, re.M) == list(SECTIONS), slug


def test_related_profiles_are_two_to_five():
    assert {
        slug: len(d["related"]) for slug, (d, _) in profiles().items() if not 2 <= len(d["related"]) <= 5
    } == {}


def test_2016_codes_follow_the_official_concordance(noc_dir):
    concordance: dict[str, set[str]] = {}
    with open(noc_dir / "noc2016_to_2021.csv", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            concordance.setdefault(row["code_2021"], set()).add(row["code_2016"])
    wrong = {
        slug: (d["cnp"], d.get("cnp_2016"))
        for slug, (d, _) in profiles().items()
        if not set(d.get("cnp_2016") or []) <= concordance.get(d["cnp"], set()) or not d.get("cnp_2016")
    }
    assert wrong == {}


def test_no_wage_figures_or_invented_statistics():
    money = re.compile(r"\d[\d  ,.]*\s?\$|\$\s?\d|\d+\s?%|\bk\$")
    found = {slug: money.findall(body) for slug, (_, body) in profiles().items() if money.search(body)}
    assert found == {}


def test_no_two_profiles_are_near_duplicates():
    """Profiles are written one by one: no pair shares more than a few 8-word runs."""
    sets = {slug: shingles(prose(body)) for slug, (_, body) in profiles().items()}
    pairs = {
        (a, b): len(sets[a] & sets[b])
        for a, b in itertools.combinations(sorted(sets), 2)
        if len(sets[a] & sets[b]) > 5
    }
    assert pairs == {}


@pytest.mark.parametrize("field", ["title", "resume"])
def test_titles_and_summaries_are_unique(field):
    values = Counter(d[field] for d, _ in profiles().values())
    assert [v for v, n in values.items() if n > 1] == []
