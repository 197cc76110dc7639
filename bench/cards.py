"""Social card generation time: every profile and sector card, with an empty cache (serial, then in
parallel worker processes) and with a warm cache (nothing to draw).

    python bench/cards.py [--content content]

Uses the plugin's own functions (images.hooks, images.cache) on the content's front matter.
Prints a table and writes bench/results/cards.json. Not run in CI; no thresholds.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path
from types import SimpleNamespace

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "plugins")]

import pelicanconf  # noqa: E402
from plugins.content_model.frontmatter import parse  # noqa: E402
from plugins.content_model.reference import Reference  # noqa: E402
from plugins.images import cards  # noqa: E402
from plugins.images.cache import Batch  # noqa: E402
from plugins.images.hooks import Planner, identity, secteur_card, site_card  # noqa: E402

RESULTS = ROOT / "bench" / "results"


def settings() -> dict:
    return {key: getattr(pelicanconf, key) for key in dir(pelicanconf) if key.isupper()}


def metier_card(metier, conf: dict, reference: Reference) -> cards.Card:
    """hooks.metier_card, from front matter (no build context here)."""
    unit = reference.noc.unit_groups.get(metier.cnp)
    return cards.Card(
        "Fiche métier", metier.title, f"CNP {metier.cnp}", unit.titre if unit else "", **identity(conf)
    )


def read(folder: Path) -> list[SimpleNamespace]:
    items = []
    for path in sorted(folder.glob("*.md")):
        data = parse(path.read_text(encoding="utf-8")).data
        items.append(
            SimpleNamespace(slug=path.stem, **{k: data.get(k) for k in ("title", "cnp", "secteurs")})
        )
    return items


def plan(content: Path, conf: dict) -> Planner:
    planner = Planner(conf)
    metiers, secteurs = read(content / "metiers"), read(content / "secteurs")
    reference = Reference.load()
    for metier in metiers:
        planner.card(f"metiers/{metier.slug}.png", metier_card(metier, conf, reference))
    for secteur in secteurs:
        count = sum(secteur.slug in metier.secteurs for metier in metiers)
        planner.card(f"secteurs/{secteur.slug}.png", secteur_card(secteur, count, conf))
    planner.card("site.png", site_card(conf))
    return planner


def timed(planner: Planner, cache: Path, workers: int) -> tuple[float, int]:
    """Every card made (or found in `cache`) by the build's own Batch, as a build does."""
    start = time.perf_counter()
    batch = Batch(cache, workers)
    for _, job in planner.planned:
        batch.add(job)
    batch.wait()
    return time.perf_counter() - start, batch.made


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--content", type=Path, default=ROOT / "content")
    args = parser.parse_args()
    conf = settings()
    planner = plan(args.content, conf)
    count = len(planner.planned)
    with tempfile.TemporaryDirectory() as tmp:
        serial, made_serial = timed(planner, Path(tmp) / "serial", workers=0)
        workers = os.cpu_count() or 1
        parallel, made_parallel = timed(planner, Path(tmp) / "parallel", workers=workers)
        warm, made_warm = timed(planner, Path(tmp) / "parallel", workers=workers)
        sizes = [p.stat().st_size for p in (Path(tmp) / "parallel").glob("*.png")]
    assert made_serial == made_parallel == count and made_warm == 0
    result = {
        "cards": count,
        "cpus": os.cpu_count(),
        "cold_serial_s": round(serial, 2),
        "cold_parallel_s": round(parallel, 2),
        "warm_cache_s": round(warm, 3),
        "ms_per_card_serial": round(1000 * serial / count, 1),
        "mean_png_kb": round(sum(sizes) / len(sizes) / 1024, 1),
    }
    for key, value in result.items():
        print(f"{key:>20}  {value}")
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "cards.json").write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
