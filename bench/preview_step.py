"""The serve path, for bench/build.py: one preview session (plugins/preview) builds a corpus,
then one profile is edited and the session builds again. Prints {"full_s", "edit_one_s"}.

    python bench/preview_step.py CONTENT OUTPUT CACHE
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from plugins.preview.session import Session  # noqa: E402


def main(content: str, output: str, cache: str) -> None:
    session = Session(Path(content), Path(output), CACHE_PATH=cache)
    start = time.perf_counter()
    if not session.build():
        raise SystemExit("the first build failed")
    full = time.perf_counter() - start
    profiles = sorted((Path(content) / "metiers").glob("*.md"))
    edited = profiles[len(profiles) // 3]
    edited.write_text(
        edited.read_text(encoding="utf-8") + "\nUne phrase ajoutée en aperçu.\n", encoding="utf-8"
    )
    start = time.perf_counter()
    if not session.build():
        raise SystemExit("the build after the edit failed")
    print(json.dumps({"full_s": round(full, 2), "edit_one_s": round(time.perf_counter() - start, 2)}))


if __name__ == "__main__":
    main(*sys.argv[1:4])
