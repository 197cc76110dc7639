"""Search benchmark: index size and build time, time to first results and per-keystroke query time
in Chromium, on the real corpus and on synthetic corpora; Pagefind on the same site as reference.

    python bench/search.py [--sizes 2000]

Builds each corpus with the project's settings into bench/.work/, serves it on 127.0.0.1 and drives
Debian's Chromium with Playwright. Prints a table and writes bench/results/search.json. Not run in
CI; no thresholds. Pagefind (pagefind-bin, pinned in requirements-dev.txt) indexes the same HTML.
"""

from __future__ import annotations

import argparse
import gzip
import json
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

from corpus import ROOT, write_corpus

sys.path[:0] = [str(ROOT), str(ROOT / "plugins")]
from conftest import CHROMIUM, CHROMIUM_ARGS, run_build, serve  # noqa: E402

WORK = ROOT / "bench" / ".work"
KEYSTROKES = "intervenante communautaire"


def build(content: Path, name: str) -> tuple[Path, float]:
    output = WORK / f"search-{name}"
    start = time.perf_counter()
    result = run_build(content, output)
    if result.returncode:
        raise SystemExit(result.stderr)
    return output, time.perf_counter() - start


def browser_timings(site: Path) -> dict:
    from playwright.sync_api import sync_playwright

    server = serve(site)
    url = f"http://127.0.0.1:{server.server_address[1]}/recherche/"
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            firsts = []
            for _ in range(6):  # cold: a new context (no HTTP cache) each time
                context = browser.new_context()
                page = context.new_page()
                start = time.perf_counter()
                page.goto(url + "?q=intervenante")  # a word of the real and the synthetic corpora
                page.wait_for_selector("#resultats li[data-cnp]")
                firsts.append(time.perf_counter() - start)
                context.close()
            first = statistics.median(firsts)
            page = browser.new_page()
            page.goto(url)
            page.focus("#recherche-q")  # a reader at the form: the text index loads now
            page.wait_for_selector("#recherche-form[data-complete='true']")
            per_key = page.evaluate(
                """text => { const t = []; for (let i = 1; i <= text.length; i++) {
                     const s = performance.now(); window.FaisLeSaut.search(text.slice(0, i));
                     t.push(performance.now() - s); } return t; }""",
                KEYSTROKES,
            )
            browser.close()
    finally:
        server.shutdown()
        server.server_close()
    per_key.sort()
    return {
        "first_results_ms": round(first * 1000),
        "keystroke_median_ms": round(statistics.median(per_key), 2),
        "keystroke_p95_ms": round(per_key[int(len(per_key) * 0.95) - 1], 2),
    }


# What the page fetches before the first result: the page, its CSS, lunr.js, the search script
# and the first index file (lunr-languages and the text index come after).
BEFORE_FIRST = (
    "recherche/index.html",
    "theme/css/main.css",
    "theme/js/vendor/lunr.min.js",
    "theme/js/recherche.js",
    "recherche/index.json",
)


def sizes(site: Path, profiles: int) -> dict:
    quick = (site / "recherche" / "index.json").read_bytes()
    raw = (site / "recherche" / "index-complet.json").read_bytes()
    packed = len(gzip.compress(raw, 9))
    before_first = sum(len(gzip.compress((site / name).read_bytes(), 9)) for name in BEFORE_FIRST)
    return {
        "profiles": profiles,
        "gzip_before_first_result_kb": round(before_first / 1024, 1),
        "quick_index_gzip_kb": round(len(gzip.compress(quick, 9)) / 1024),
        "index_kb": round(len(raw) / 1024),
        "index_gzip_kb": round(packed / 1024),
        "gzip_bytes_per_profile": round(packed / profiles),
    }


def pagefind(site: Path) -> dict:
    target = WORK / "pagefind-site"
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(site, target)
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "pagefind_bin", "--site", str(target)], check=True, capture_output=True
    )
    seconds = time.perf_counter() - start
    bundle = target / "pagefind"

    # Bytes a first query fetches: entry + wasm + one index chunk + one fragment (smallest case).
    def first(pattern):
        files = sorted(bundle.rglob(pattern), key=lambda p: p.stat().st_size)
        return files[0].stat().st_size if files else 0

    first_query = sum(
        first(p)
        for p in (
            "pagefind-entry.json",
            "*.wasm*",
            "pagefind.js",
            "*.pf_meta",
            "index/*.pf_index",
            "fragment/*.pf_fragment",
        )
    )
    total = sum(p.stat().st_size for p in bundle.rglob("*") if p.is_file())
    return {
        "pagefind_index_s": round(seconds, 2),
        "pagefind_first_query_kb": round(first_query / 1024),
        "pagefind_bundle_kb": round(total / 1024),
    }


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="*", default=[2000])
    args = parser.parse_args()
    rows = []
    site, seconds = build(ROOT / "content", "real")
    real_profiles = len(list((ROOT / "content" / "metiers").glob("*.md")))
    rows.append(
        {
            "corpus": "real",
            **sizes(site, real_profiles),
            "build_s": round(seconds, 1),
            **browser_timings(site),
            **pagefind(site),
        }
    )
    for size in args.sizes:
        content = write_corpus(size, WORK / f"corpus-{size}")
        site, seconds = build(content, str(size))
        rows.append(
            {
                "corpus": f"synthetic {size}",
                **sizes(site, size),
                "build_s": round(seconds, 1),
                **browser_timings(site),
            }
        )
    out = ROOT / "bench" / "results"
    out.mkdir(parents=True, exist_ok=True)
    (out / "search.json").write_text(json.dumps(rows, indent=1) + "\n", encoding="utf-8")
    for row in rows:
        print(json.dumps(row, ensure_ascii=False))


if __name__ == "__main__":
    main()
