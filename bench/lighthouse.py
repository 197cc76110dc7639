"""Lighthouse scores (performance, accessibility, best practices, SEO) of the home page, the quiz, the search
page and a profile, with Debian's Chromium, on a built site served over HTTP on 127.0.0.1.

    (cd bench/lighthouse && npm ci --no-audit --no-fund)   # once: Lighthouse, pinned
    invoke publish && python bench/lighthouse.py [--site output] [--profile cuisinier]
    (a production build; with pelican -e 'SITEURL=""' the pages link to the local copy)

Mobile emulation with simulated throttling (Lighthouse's defaults). Prints a table, writes
bench/results/lighthouse.json and the full reports in bench/results/lighthouse/. Not run in CI.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import json
import os
import subprocess
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TOOL = ROOT / "bench" / "lighthouse"
RESULTS = ROOT / "bench" / "results"
CHROMIUM = "/usr/bin/chromium"
CHROME_FLAGS = "--no-sandbox --headless --disable-gpu --disable-background-networking"
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]


class Quiet(http.server.SimpleHTTPRequestHandler):
    """Serves the precompressed file (X.gz beside X, as `invoke publish` writes) when the browser
    accepts gzip, as a host would."""

    def log_message(self, *args):
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        packed = path.with_name(path.name + ".gz")
        if "gzip" in self.headers.get("Accept-Encoding", "") and packed.is_file():
            self.send_response(200)
            self.send_header("Content-Type", self.guess_type(str(path)))
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(packed.stat().st_size))
            self.end_headers()
            return packed.open("rb")
        return super().send_head()


def audit(url: str, report: Path) -> dict:
    command = [
        str(TOOL / "node_modules" / ".bin" / "lighthouse"),
        url,
        "--quiet",
        "--output=json",
        f"--output-path={report}",
        f"--only-categories={','.join(CATEGORIES)}",
        f"--chrome-flags={CHROME_FLAGS}",
    ]
    subprocess.run(command, check=True, env=dict(os.environ, CHROME_PATH=CHROMIUM), timeout=300)
    data = json.loads(report.read_text(encoding="utf-8"))
    scores = {name: round(data["categories"][name]["score"] * 100) for name in CATEGORIES}
    scores["bytes"] = data["audits"]["total-byte-weight"]["numericValue"]
    scores["failed"] = [
        audit_id
        for name in CATEGORIES
        for ref in data["categories"][name]["auditRefs"]
        if ref["weight"]
        and (score := data["audits"][(audit_id := ref["id"])].get("score")) is not None
        and score < 1
    ]
    return scores


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, default=ROOT / "output")
    parser.add_argument("--profile", default="cuisinier")
    args = parser.parse_args()
    if not (TOOL / "node_modules" / ".bin" / "lighthouse").exists():
        raise SystemExit("Lighthouse is not installed: (cd bench/lighthouse && npm ci --no-audit --no-fund)")
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(Quiet, directory=str(args.site))
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    pages = {
        "accueil": "/",
        "quiz": "/trouve-ton-metier/?types=social,artistique",
        "recherche": "/recherche/?q=cuisinier",
        "fiche": f"/metiers/{args.profile}/",
    }
    (RESULTS / "lighthouse").mkdir(parents=True, exist_ok=True)
    results = {}
    try:
        for name, path in pages.items():
            results[name] = {"path": path, **audit(base + path, RESULTS / "lighthouse" / f"{name}.json")}
    finally:
        server.shutdown()
    print(f"{'page':<10} {'perf':>5} {'a11y':>5} {'bp':>5} {'seo':>5} {'bytes':>8}  failed audits")
    for name, r in results.items():
        print(
            f"{name:<10} {r['performance']:>5} {r['accessibility']:>5} {r['best-practices']:>5} "
            f"{r['seo']:>5} {r['bytes']:>8}  {', '.join(r['failed'])}"
        )
    (RESULTS / "lighthouse.json").write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
