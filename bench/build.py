"""Build benchmark: our build vs plain Pelican on the same synthetic content, and incremental rebuilds.

    python bench/build.py [--sizes 200 2000 10000]   (0: the real content, copied)

For each size, in one run:
- full build time and peak memory of our build (all plugins, validation, staging; every cache
  empty: content, validation memo, social cards and QR codes) and of plain Pelican
  (bench/plain_pelicanconf.py: no plugins, built-in theme) on the same files;
- our full build again with only the image cache warm (what CI sees when it keeps cache/images);
- after editing one profile, the rebuild time with the reading memo warm (content_model), ours
  and plain Pelican's (its own content cache, same settings);
- the serve path (`invoke serve`, plugins/preview): a session's first build, then one profile
  edited and the session's build after it (in the same process, only what the edit changes).
Prints a table and writes bench/results/build.json. Not run in CI; no thresholds.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

from corpus import ROOT, write_corpus

WORK = ROOT / "bench" / ".work"
RESULTS = ROOT / "bench" / "results"


def timed(args: list[str]) -> tuple[float, float]:
    """(seconds, peak RSS in MiB) of one child process."""
    start = time.perf_counter()
    process = subprocess.Popen(args, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    if status != 0:
        raise SystemExit(f"build failed: {' '.join(args)}\n{process.stderr.read().decode()}")
    return elapsed, usage.ru_maxrss / 1024


def ours(content: Path, output: Path, cache: Path, use_cache: bool) -> list[str]:
    extra = {"CACHE_PATH": str(cache), "CONTENT_MEMO": use_cache}
    args = [sys.executable, "-m", "pelican", str(content), "-s", "pelicanconf.py", "-o", str(output)]
    # One -e with every pair: Pelican keeps only the last -e flag given.
    return args + ["-e", *(f"{key}={json.dumps(value)}" for key, value in extra.items())]


def plain(content: Path, output: Path, cache: Path | None = None) -> list[str]:
    """Plain Pelican; with `cache`, its own hash-based content cache (as ours uses)."""
    args = [
        sys.executable,
        "-m",
        "pelican",
        str(content),
        "-s",
        "bench/plain_pelicanconf.py",
        "-o",
        str(output),
    ]
    if cache is None:
        return args
    extra = {"CACHE_PATH": str(cache), "CACHE_CONTENT": True, "LOAD_CONTENT_CACHE": True}
    return args + [
        "-e",
        *(f"{key}={json.dumps(value)}" for key, value in {**extra, "CHECK_MODIFIED_METHOD": "md5"}.items()),
    ]


def edit_one(content: Path) -> None:
    path = sorted((content / "metiers").glob("*.md"))[len(list((content / "metiers").glob("*.md"))) // 2]
    path.write_text(
        path.read_text(encoding="utf-8") + "\nUne phrase ajoutée pour le test.\n", encoding="utf-8"
    )


def real_corpus() -> Path:
    """A copy of the site's own content (the edit must not touch content/)."""
    dest = WORK / "corpus-real"
    shutil.rmtree(dest, ignore_errors=True)
    shutil.copytree(ROOT / "content", dest)
    return dest


def measure(size: int) -> dict:
    """One row; size 0 is the real content."""
    content = write_corpus(size, WORK / f"corpus-{size}") if size else real_corpus()
    size = size or len(list((content / "metiers").glob("*.md")))
    out, cache = WORK / f"out-{size}", WORK / f"cache-{size}"
    plain_cache = WORK / f"plain-cache-{size}"
    for folder in (cache, plain_cache):
        shutil.rmtree(folder, ignore_errors=True)
    plain_s, plain_mb = timed(plain(content, WORK / f"plain-{size}"))
    ours_s, ours_mb = timed(ours(content, out, cache, use_cache=False))
    if not (cache / "images").is_dir():  # the settings above were not applied
        raise SystemExit(f"the build did not use {cache}")
    warm_s, _ = timed(ours(content, out, cache, use_cache=True))  # fills the content cache
    timed(plain(content, WORK / f"plain-{size}", plain_cache))  # fills plain Pelican's
    edit_one(content)
    incremental_s, _ = timed(ours(content, out, cache, use_cache=True))
    plain_incremental_s, _ = timed(plain(content, WORK / f"plain-{size}", plain_cache))
    serve = json.loads(
        subprocess.run(
            [
                sys.executable,
                str(ROOT / "bench" / "preview_step.py"),
                str(content),
                str(WORK / f"serve-{size}"),
                str(cache),
            ],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        )
        .stdout.strip()
        .splitlines()[-1]
    )
    return {
        "profiles": size,
        "plain_pelican_s": round(plain_s, 2),
        "ours_s": round(ours_s, 2),
        "ratio_time": round(ours_s / plain_s, 2),
        "plain_peak_mib": round(plain_mb),
        "ours_peak_mib": round(ours_mb),
        "ratio_memory": round(ours_mb / plain_mb, 2),
        "ours_ms_per_profile": round(1000 * ours_s / size, 2),
        "ours_images_cached_s": round(warm_s, 2),
        "ratio_images_cached": round(warm_s / plain_s, 2),
        "edit_one_rebuild_s": round(incremental_s, 2),
        "edit_one_vs_full": round(incremental_s / ours_s, 2),
        "plain_edit_one_s": round(plain_incremental_s, 2),
        "serve_first_build_s": serve["full_s"],
        "serve_edit_one_s": serve["edit_one_s"],
        "serve_edit_one_vs_full": round(serve["edit_one_s"] / ours_s, 2),
    }


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[200, 2000, 10000])
    rows = [measure(size) for size in parser.parse_args().sizes]
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "build.json").write_text(json.dumps(rows, indent=1) + "\n", encoding="utf-8")
    keys = list(rows[0])
    print(" | ".join(keys))
    for row in rows:
        print(" | ".join(str(row[k]) for k in keys))


if __name__ == "__main__":
    main()
