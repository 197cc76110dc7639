"""A content-addressed file cache: each generated file is stored under the hash of all its inputs.

An unchanged card, QR code or image size is copied from the cache instead of being drawn again;
the missing ones are made in parallel worker processes when there are enough of them.
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
import tempfile
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

# Below this many missing files, starting worker processes costs more than it saves.
PARALLEL_FROM = 16


def digest(*parts: object) -> str:
    """Stable hash of bytes and JSON-able values (length-prefixed, so parts never run together)."""
    sha = hashlib.sha256()
    for part in parts:
        data = (
            part if isinstance(part, bytes) else json.dumps(part, ensure_ascii=False, sort_keys=True).encode()
        )
        sha.update(len(data).to_bytes(8, "big"))
        sha.update(data)
    return sha.hexdigest()[:40]


def source_digest(*modules: str) -> str:
    """Hash of the code that draws a file: editing the drawing code invalidates its cache entries."""
    return digest(*(Path(module).read_bytes() for module in modules))


@dataclass(frozen=True)
class Job:
    """One file to make: `make(*args)` returns its bytes; `key` hashes every input of `make`."""

    key: str
    suffix: str
    make: Callable[..., bytes]
    args: tuple

    @property
    def name(self) -> str:
        return self.key + self.suffix


def _run(job: Job) -> bytes:
    return job.make(*job.args)


def _store(folder: Path, name: str, data: bytes) -> Path:
    """Write atomically: concurrent builds sharing the cache never read a half-written file."""
    with tempfile.NamedTemporaryFile(dir=folder, prefix=".tmp-", delete=False) as part:
        part.write(data)
    path = folder / name
    os.replace(part.name, path)
    return path


def materialize(jobs: Iterable[Job], folder: Path, workers: int | None = None) -> tuple[dict[str, Path], int]:
    """({key: cached file}, number of files made): makes only the jobs whose file is not cached yet."""
    folder.mkdir(parents=True, exist_ok=True)
    unique = {job.key: job for job in jobs}
    paths = {key: folder / job.name for key, job in unique.items()}
    missing = [job for key, job in unique.items() if not paths[key].is_file()]
    workers = workers if workers is not None else min(os.cpu_count() or 1, 8)
    if workers > 1 and len(missing) >= PARALLEL_FROM:
        # fork where available: workers inherit the loaded plugins instead of importing them again.
        methods = multiprocessing.get_all_start_methods()
        context = multiprocessing.get_context("fork" if "fork" in methods else None)
        with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
            results = pool.map(_run, missing, chunksize=max(1, len(missing) // (workers * 4)))
            for job, data in zip(missing, results, strict=True):
                _store(folder, job.name, data)
    else:
        for job in missing:
            _store(folder, job.name, _run(job))
    return paths, len(missing)
