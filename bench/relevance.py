"""Score the search on the relevance set (tests/data/pertinence.yaml) in headless Chromium.

    python bench/relevance.py [--site output]

Prints hit@1, hit@5 and result counts (first list + text list) per query and in total. The
browser test tests/browser/test_search.py::test_relevance_set uses the same function."""

from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
QUERIES = ROOT / "tests" / "data" / "pertinence.yaml"


def score(page, site_url: str) -> list[dict]:
    """Run every query of the set in the page; one row per query."""
    page.goto(f"{site_url}/recherche/")
    page.focus("#recherche-q")  # a reader at the form: the text index loads now
    page.wait_for_selector("#recherche-form[data-complete='true']")
    rows = []
    for case in yaml.safe_load(QUERIES.read_text(encoding="utf-8")):
        found = page.evaluate("q => window.FaisLeSaut.results(q)", case["requete"])
        ranked = found["primary"] + found["secondary"]
        expected = set(case["attendus"])
        rows.append(
            {
                **case,
                "premier": ranked[0] if ranked else None,
                "hit1": bool(ranked) and ranked[0] in expected,
                "hit5": bool(expected & set(ranked[:5])),
                "nombre": len(found["primary"]),
                "texte": len(found["secondary"]),
            }
        )
    return rows


def summary(rows: list[dict]) -> dict:
    words = [r["nombre"] + r["texte"] for r in rows if r["type"] in ("titre", "mot")]
    return {
        "requetes": len(rows),
        "hit1": sum(r["hit1"] for r in rows) / len(rows),
        "hit5": sum(r["hit5"] for r in rows) / len(rows),
        "mediane_resultats_titres_et_mots": statistics.median(words) if words else 0,
        "mediane_premiere_liste": statistics.median(
            [r["nombre"] for r in rows if r["type"] in ("titre", "mot")]
        ),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--site", default=str(ROOT / "output"))
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    from playwright.sync_api import sync_playwright

    from conftest import CHROMIUM, CHROMIUM_ARGS, serve

    server = serve(Path(args.site))
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        rows = score(browser.new_page(), f"http://127.0.0.1:{server.server_address[1]}")
        browser.close()
    server.shutdown()
    for r in rows:
        mark = "✓" if r["hit1"] else ("·" if r["hit5"] else "✗")
        print(f"{mark} {r['requete']!r:32} {r['nombre']:3} + {r['texte']:3}  premier : {r['premier']}")
    print(summary(rows))


if __name__ == "__main__":
    main()
