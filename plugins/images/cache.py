"""A content-addressed file cache: each generated file is stored under the hash of all its inputs.

An unchanged card, QR code or image size is copied from the cache instead of being drawn again;
the missing ones are made in worker processes, in the background, while Pelican writes the pages.
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
# Jobs sent to a worker at a time: few enough that the first files come early.
CHUNK = 16


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


def _store(folder: Path, name: str, data: bytes) -> Path:
    """Write atomically: concurrent builds sharing the cache never read a half-written file."""
    with tempfile.NamedTemporaryFile(dir=folder, prefix=".tmp-", delete=False) as part:
        part.write(data)
    path = folder / name
    os.replace(part.name, path)
    return path


def _make(jobs: list[Job], folder: Path) -> None:
    for job in jobs:
        _store(folder, job.name, job.make(*job.args))


class Batch:
    """Files being made: `path(key)` waits for that one file, `wait()` for all of them."""

    def __init__(self, paths: dict[str, Path], made: int, pool=None, futures: dict | None = None):
        self.paths, self.made = paths, made
        self._pool, self._futures = pool, futures or {}

    def path(self, key: str) -> Path:
        future = self._futures.get(key)
        if future is not None:
            future.result()  # re-raises a worker's exception here
        return self.paths[key]

    def wait(self) -> dict[str, Path]:
        if self._pool is not None:
            for future in set(self._futures.values()):
                future.result()
            self._pool.shutdown()
            self._pool, self._futures = None, {}
        return self.paths


def start(jobs: Iterable[Job], folder: Path, workers: int | None = None) -> Batch:
    """Start making the jobs whose file is not cached yet, in order; returns at once when workers
    do the work (the caller goes on writing pages), after the work when it is done here."""
    folder.mkdir(parents=True, exist_ok=True)
    unique = {job.key: job for job in jobs}
    paths = {key: folder / job.name for key, job in unique.items()}
    missing = [job for key, job in unique.items() if not paths[key].is_file()]
    workers = workers if workers is not None else min(os.cpu_count() or 1, 8)
    if workers <= 1 or len(missing) < PARALLEL_FROM:
        _make(missing, folder)
        return Batch(paths, len(missing))
    # fork where available: workers inherit the loaded plugins instead of importing them again.
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=context)
    futures = {}
    for first in range(0, len(missing), CHUNK):
        chunk = missing[first : first + CHUNK]
        future = pool.submit(_make, chunk, folder)
        futures.update((job.key, future) for job in chunk)
    return Batch(paths, len(missing), pool, futures)


def materialize(jobs: Iterable[Job], folder: Path, workers: int | None = None) -> tuple[dict[str, Path], int]:
    """({key: cached file}, number of files made): makes only the jobs whose file is not cached yet."""
    batch = start(jobs, folder, workers)
    return batch.wait(), batch.made
