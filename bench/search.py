"""Search benchmark: index size and build time, time to first results and per-keystroke query time
in Chromium, on the real corpus and on synthetic corpora; Pagefind on the same site as reference.

    python bench/search.py [--sizes 10000]

Builds each corpus with the production settings (publishconf.py: minified, fingerprinted) into
bench/.work/, serves it on 127.0.0.1 from its own process (so the server does not share an
interpreter with the browser driver) and drives Debian's Chromium with Playwright. Prints one JSON
row per corpus and writes bench/results/search.json. Not run in CI; no thresholds.

- bytes before the first result: every file the page fetched before the first result appeared
  (page, CSS, JS, index files), each compressed with gzip -9 as a host would send it;
- first result: cold (a new browser context each time, no HTTP cache), median of 12 loads of
  `/recherche/?q=…`, measured in the page from navigation start to the first result in the
  document, to its first paint (Element Timing: when the reader sees it), and from outside
  (Playwright's `goto` to the result seen); the same measures of a blank page give the harness's
  own cost, and the first paint of a page with no script work
  (`/a-propos/`) this machine's floor for any page; served by bench/serve.mjs (Node, keep-alive, as a host
  answers) and, for comparison, by Python's http.server (one thread and connection per file);
- per keystroke: each prefix of a query, its files fetched first, the search alone timed: the
  title search (what runs at each key) and the whole search (with the text, once typing pauses),
  first run and median of 5 runs of each key (`titles5`, `whole5`).
Pagefind (pagefind-bin, pinned in requirements-dev.txt) indexes the same HTML.
"""

from __future__ import annotations

import argparse
import gzip
import json
import shutil
import socket
import statistics
import subprocess
import sys
import time
import urllib.parse
from pathlib import Path

from corpus import ROOT, write_corpus

sys.path[:0] = [str(ROOT), str(ROOT / "plugins")]
from conftest import CHROMIUM, CHROMIUM_ARGS, run_build  # noqa: E402

WORK = ROOT / "bench" / ".work"
KEYSTROKES = "intervenante communautaire"
FIRST_QUERY = "intervenante"  # a word of the real and the synthetic corpora
LOADS = 12
# Marks the moment a result card (or a blank page's paragraph) enters the document, and has
# Element Timing report when its text is first painted (what the reader sees).
WATCH = """new PerformanceObserver(list => { list.getEntries().forEach(entry => {
  if (entry.identifier === "premier" && !window.__painted) { window.__painted = entry.renderTime; } });
}).observe({ type: "element", buffered: true });
new MutationObserver((changes, watcher) => {
  const found = document.querySelector("#resultats li[data-cnp], #vide");
  if (!found) { return; }
  window.__first = performance.now();
  [found].concat(Array.from(found.querySelectorAll("*"))).forEach(e => e.setAttribute("elementtiming", "premier"));
  watcher.disconnect();
}).observe(document, { subtree: true, childList: true });"""
FIRST = "new Promise(found => { const poll = () => window.__first ? found(window.__first) : setTimeout(poll, 5); poll(); })"
SEEN = "new Promise(found => { const poll = () => window.__painted ? found(window.__painted) : setTimeout(poll, 5); poll(); })"
# A page with no script work: its first paint is this machine's floor for any page.
PLAIN = "/a-propos/"
PAINTED = """new Promise(found => { const poll = () => {
  const paint = performance.getEntriesByName("first-contentful-paint")[0];
  paint ? found(paint.startTime) : setTimeout(poll, 5); }; poll(); })"""


def build(content: Path, name: str) -> tuple[Path, float]:
    output = WORK / f"search-{name}"
    start = time.perf_counter()
    result = run_build(content, output, settings="publishconf.py", SITEURL="")
    if result.returncode:
        raise SystemExit(result.stderr)
    return output, time.perf_counter() - start


class Server:
    """A static server on a free port of 127.0.0.1, in its own process: `node` (bench/serve.mjs,
    keep-alive, as a host answers) or `python` (http.server, as the tests serve)."""

    def __init__(self, folder: Path, kind: str = "node"):
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        command = {
            "node": ["node", str(ROOT / "bench" / "serve.mjs"), str(folder), str(self.port)],
            "python": [
                sys.executable,
                "-m",
                "http.server",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "-d",
                str(folder),
            ],
        }[kind]
        self.process = subprocess.Popen(
            command,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for _ in range(100):  # until it answers
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.1).close()
                break
            except OSError:
                time.sleep(0.05)

    def __enter__(self):
        return f"http://127.0.0.1:{self.port}"

    def __exit__(self, *exc):
        self.process.kill()
        self.process.wait()


def cold_loads(browser, url: str, selector: str) -> tuple[list[float], list[float], list[str], list[float]]:
    """(in-page ms, outside ms, paths fetched before the first result of the last load, in-page ms
    to its first paint)."""
    inside, outside, fetched, painted = [], [], [], []
    for _ in range(LOADS):
        context = browser.new_context()
        page = context.new_page()
        page.add_init_script(WATCH)
        start = time.perf_counter()
        page.goto(url, wait_until="commit")
        # Polled from the page's own world: Playwright's selector engine, once injected, runs a
        # ~20 ms task on the page's main thread while it loads (no reader's browser has it).
        first = page.evaluate(FIRST)
        outside.append((time.perf_counter() - start) * 1000)
        inside.append(first)
        painted.append(page.evaluate(SEEN))
        if not page.query_selector(selector):
            raise SystemExit(f"{url}: no {selector}")
        fetched = page.evaluate(
            """first => [location.pathname].concat(performance.getEntriesByType("resource")
                 .filter(e => e.responseEnd <= first).map(e => new URL(e.name).pathname))""",
            first,
        )
        context.close()
    return inside, outside, fetched, painted


def gzip_kb(site: Path, paths: list[str]) -> float:
    total = 0
    for path in paths:
        file = site / urllib.parse.unquote(path).lstrip("/")
        if file.is_dir():
            file = file / "index.html"
        total += len(gzip.compress(file.read_bytes(), 9))
    return round(total / 1024, 1)


def browser_timings(site: Path) -> dict:
    from playwright.sync_api import sync_playwright

    (site / "bench-vide.html").write_text(
        '<!doctype html><html lang="fr"><title>vide</title><p id="vide">vide</p>'
    )
    with Server(site) as root, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        blank_in, blank_out, _, blank_painted = cold_loads(browser, f"{root}/bench-vide.html", "#vide")
        plain_paint = []  # the real site only (synthetic ones have no pages)
        for _ in range(LOADS if (site / PLAIN.strip("/") / "index.html").exists() else 0):
            context = browser.new_context()
            page = context.new_page()
            page.goto(f"{root}{PLAIN}", wait_until="commit")
            plain_paint.append(page.evaluate(PAINTED))
            context.close()
        first_in, first_out, fetched, first_painted = cold_loads(
            browser, f"{root}/recherche/?q={FIRST_QUERY}", "#resultats li[data-cnp]"
        )
        with Server(site, "python") as slow:  # the tests' kind of server, for comparison
            python_in, _out, _fetched, _painted = cold_loads(
                browser, f"{slow}/recherche/?q={FIRST_QUERY}", "#resultats li[data-cnp]"
            )
        page = browser.new_page()
        page.goto(f"{root}/recherche/")
        page.focus("#recherche-q")  # a reader at the form: the text parts load from now on
        page.wait_for_selector("#recherche-form[data-complete='true']")
        # Each key: the title search (what runs at every key: first list and suggestions);
        # once the typing pauses, the whole search (titles and text). First run of each key
        # (what a reader meets, JIT and garbage collection included) and median of 5 runs.
        per_key = page.evaluate(
            """async text => { const runs = { titles: [], whole: [], titles5: [], whole5: [] };
                 const time = (q, titlesOnly) => { const s = performance.now();
                   window.FaisLeSaut.count(q, titlesOnly); return performance.now() - s; };
                 const median = v => v.slice().sort((a, b) => a - b)[Math.floor(v.length / 2)];
                 for (let i = 1; i <= text.length; i++) {
                   const q = text.slice(0, i);
                   await window.FaisLeSaut.prepare(q);  // its files, fetched once
                   runs.titles.push(time(q, true)); runs.whole.push(time(q, false));
                   const t = [], w = [];
                   for (let k = 0; k < 5; k++) { t.push(time(q, true)); w.push(time(q, false)); }
                   runs.titles5.push(median(t)); runs.whole5.push(median(w)); }
                 return runs; }""",
            KEYSTROKES,
        )
        browser.close()

    def p95(values):
        return round(sorted(values)[int(len(values) * 0.95) - 1], 2)

    return {
        "fetched_before_first_result": len(fetched),
        "gzip_before_first_result_kb": gzip_kb(site, fetched),
        "first_result_in_page_ms": round(statistics.median(first_in)),
        "first_result_painted_ms": round(statistics.median(first_painted)),
        "first_result_outside_ms": round(statistics.median(first_out)),
        "first_result_in_page_python_server_ms": round(statistics.median(python_in)),
        "blank_page_in_page_ms": round(statistics.median(blank_in)),
        "blank_page_outside_ms": round(statistics.median(blank_out)),
        "blank_page_painted_ms": round(statistics.median(blank_painted)),
        "plain_page_first_paint_ms": round(statistics.median(plain_paint)) if plain_paint else None,
        **{
            f"{name}_{stat}_ms": value(per_key[name])
            for name in ("titles", "whole", "titles5", "whole5")
            for stat, value in (("median", lambda v: round(statistics.median(v), 2)), ("p95", p95))
        },
    }


def sizes(site: Path, profiles: int) -> dict:
    files = sorted(p for p in (site / "recherche").glob("*.json"))
    packed = sum(len(gzip.compress(p.read_bytes(), 9)) for p in files)
    return {
        "profiles": profiles,
        "index_files": len(files),
        "index_kb": round(sum(p.stat().st_size for p in files) / 1024),
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
