"""Synthetic corpora in the real content model, for benchmarks (never published).

`python bench/corpus.py 2000 /tmp/corpus-2000` writes 2,000 valid profiles (about 550 words each)
and copies the 32 real sector pages. Deterministic for a given size (seeded).
"""

from __future__ import annotations

import random
import shutil
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))
from plugins.content_model.model import SECTIONS  # noqa: E402

# Common words of the domain, so the search index sees a realistic vocabulary.
WORDS = (
    "accompagner personnes organisme communautaire coopérative entreprise économie sociale quartier "
    "familles aînés jeunes bénévoles équipe projet animation soutien intervention accueil écoute "
    "formation programme cuisine repas collective logement habitation environnement recyclage "
    "transport emploi insertion parcours compétences autonomie dignité solidarité région municipalité "
    "budget financement subvention rapport évaluation activité atelier groupe rencontre réseau table "
    "concertation droits défense mobilisation culture spectacle patrimoine loisir sport plein air "
    "enfants parents éducation alphabétisation francisation immigration réfugiés santé services "
    "domicile entretien ménager préposée éducatrice intervenante coordonnatrice agente conseillère "
    "technicienne gestionnaire directrice adjointe administrative comptable informatique numérique"
).split()
CODES = [
    "42201",
    "42202",
    "41300",
    "44101",
    "63200",
    "65201",
    "13110",
    "11202",
    "40030",
    "41403",
    "21234",
    "22221",
    "75101",
    "73300",
    "14100",
    "54100",
    "12103",
    "31301",
    "33102",
    "41321",
]
LEVELS = ["DEP", "AEC", "DEC", "Certificat", "Baccalauréat", "PAMT"]


def sentence(rng: random.Random) -> str:
    words = rng.choices(WORDS, k=rng.randint(8, 18))
    return " ".join(words).capitalize() + "."


def profile(rng: random.Random, index: int, slugs: list[str], sectors: list[str]) -> str:
    slug = slugs[index]
    data = {
        "title": f"Métier synthétique {index} {rng.choice(WORDS)}",
        "cnp": rng.choice(CODES),
        "cnp_2016": [],
        "secteurs": rng.sample(sectors, k=rng.randint(1, 3)),
        "appellations": [f"{rng.choice(WORDS)} {rng.choice(WORDS)} {n}" for n in range(3)],
        "formation": [{"niveau": rng.choice(LEVELS), "programme": "Programme " + rng.choice(WORDS)}],
        "resume": sentence(rng)[:200],
        "related": rng.sample([s for s in slugs if s != slug], k=2),
        "updated": "2026-11-01",
    }
    body = "\n".join(
        f"## {section}\n\n" + " ".join(sentence(rng) for _ in range(rng.randint(5, 9))) + "\n"
        for section in SECTIONS
    )
    return "---\n" + yaml.safe_dump(data, allow_unicode=True, sort_keys=False) + "---\n\n" + body


def write_corpus(size: int, dest: Path) -> Path:
    rng = random.Random(size)
    dest = Path(dest)
    shutil.rmtree(dest, ignore_errors=True)
    (dest / "metiers").mkdir(parents=True)
    shutil.copytree(ROOT / "content" / "secteurs", dest / "secteurs")
    sectors = sorted(p.stem for p in (dest / "secteurs").glob("*.md"))
    slugs = [f"metier-synthetique-{i:05d}" for i in range(size)]
    for index, slug in enumerate(slugs):
        (dest / "metiers" / f"{slug}.md").write_text(profile(rng, index, slugs, sectors), encoding="utf-8")
    return dest


if __name__ == "__main__":
    print(write_corpus(int(sys.argv[1]), Path(sys.argv[2])))
