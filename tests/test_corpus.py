"""The real corpus: it passes the one gate (the build's own rules), and has the breadth the
committee asked for. Rules are not re-stated here: content_model.rules holds them."""

from __future__ import annotations

from collections import Counter
from functools import cache

from conftest import ROOT
from plugins.content_model.build import Build
from tasks import content_problems, settings

MIN_PROFILES = 255
MIN_PER_SECTOR = 8
PRACTICAL_FACTS = ("interets", "horaires", "milieu")


@cache
def build() -> Build:
    """The real content, read and checked once for all the tests of this module."""
    return Build(settings(str(ROOT / "content")))


def test_content_passes_every_rule():
    assert [str(p) for p in content_problems(str(ROOT / "content"))] == []


def test_the_32_official_sectors_each_have_a_page():
    assert sorted(f.slug for f in build().corpus.of_kind("secteur")) == sorted(build().reference.secteurs)


def test_enough_profiles_and_at_least_eight_per_sector():
    metiers = build().corpus.of_kind("metier")
    counts = Counter(s for f in metiers for s in f.data["secteurs"])
    assert len(metiers) >= MIN_PROFILES
    assert {s: counts[s] for s in build().reference.secteurs if counts[s] < MIN_PER_SECTOR} == {}


def test_every_profile_has_practical_facts_and_interests():
    missing = {
        f.slug: [k for k in PRACTICAL_FACTS if not f.data.get(k)] for f in build().corpus.of_kind("metier")
    }
    assert {slug: keys for slug, keys in missing.items() if keys} == {}


def test_every_synonym_group_leads_to_a_profile():
    """Each line of content/synonymes.yaml finds at least one profile (title, other titles,
    summary or text): a synonym nobody's text uses only adds noise."""
    import yaml

    from plugins.search_index.pipeline import Synonyms

    groups = yaml.safe_load((ROOT / "content" / "synonymes.yaml").read_text(encoding="utf-8"))
    found = set()
    synonyms = Synonyms(groups)
    for fiche in build().corpus.of_kind("metier"):
        text = " . ".join(
            [fiche.data["title"], *fiche.data["appellations"], fiche.data["resume"], fiche.body.text]
        )
        found.update(synonyms.concepts(text))
    assert sorted({name for name in synonyms.table.values()} - found) == []
