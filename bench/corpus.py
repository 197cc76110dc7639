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
sys.path.insert(0, str(ROOT))
from plugins.content_model.model import HORAIRES, INTERETS, JOURNEE_TYPE, MILIEUX, SECTIONS  # noqa: E402
from plugins.content_model.reference import Reference  # noqa: E402

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


def sentence(rng: random.Random) -> str:
    words = rng.choices(WORDS, k=rng.randint(8, 18))
    return " ".join(words).capitalize() + "."


def profile(
    rng: random.Random, index: int, slugs: list[str], sectors: list[str], programmes: list[str], noc
) -> str:
    code = rng.choice(CODES)
    data = {
        "title": f"Métier synthétique {index} {rng.choice(WORDS)}",
        "cnp": code,
        "cnp_2016": sorted(noc.from_2016[code])[:1],
        "secteurs": rng.sample(sectors, k=rng.randint(1, 3)),
        "appellations": [f"{rng.choice(WORDS)} {rng.choice(WORDS)} {n}" for n in range(3)],
        "formation": rng.sample(programmes, k=rng.randint(1, 3)),
        "resume": f"Profil {index} : " + sentence(rng)[:200],
        "interets": rng.sample(sorted(INTERETS), k=2),
        "horaires": rng.sample(sorted(HORAIRES), k=2),
        "milieu": rng.sample(sorted(MILIEUX), k=2),
        # The next profile cites this one: none is an orphan.
        "related": [slugs[(index + 1) % len(slugs)], slugs[(index + 7) % len(slugs)]],
        "updated": "2026-11-01",
    }
    parts = []
    for section in SECTIONS:
        parts.append(f"## {section}\n\n" + " ".join(sentence(rng) for _ in range(rng.randint(5, 9))) + "\n")
        if section == "Description":
            parts.append(f"### {JOURNEE_TYPE}\n\n" + " ".join(sentence(rng) for _ in range(9)) + "\n")
    body = "\n".join(parts)
    return "---\n" + yaml.safe_dump(data, allow_unicode=True, sort_keys=False) + "---\n\n" + body


def write_corpus(size: int, dest: Path) -> Path:
    rng = random.Random(size)
    dest = Path(dest)
    shutil.rmtree(dest, ignore_errors=True)
    (dest / "metiers").mkdir(parents=True)
    shutil.copytree(ROOT / "content" / "secteurs", dest / "secteurs")
    for name in ("formations.yaml", "synonymes.yaml"):
        shutil.copyfile(ROOT / "content" / name, dest / name)
    programmes = [
        entry["id"] for entry in yaml.safe_load((dest / "formations.yaml").read_text(encoding="utf-8"))
    ]
    noc = Reference.load().noc
    sectors = sorted(p.stem for p in (dest / "secteurs").glob("*.md"))
    slugs = [f"metier-synthetique-{i:05d}" for i in range(size)]
    for index, slug in enumerate(slugs):
        text = profile(rng, index, slugs, sectors, programmes, noc)
        (dest / "metiers" / f"{slug}.md").write_text(text, encoding="utf-8")
    return dest


if __name__ == "__main__":
    print(write_corpus(int(sys.argv[1]), Path(sys.argv[2])))
