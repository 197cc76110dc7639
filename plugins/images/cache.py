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


def default_workers() -> int:
    """One core stays with Pelican, which writes the pages meanwhile (the longer task)."""
    return min(max((os.cpu_count() or 1) - 1, 1), 8)


class Batch:
    """Files being made, in the order they are added: `add(job)` queues a job whose file is not
    cached yet; `path(key)` waits for that one file, `wait()` for all of them.

    With `workers` > 0, jobs go to worker processes in chunks, in the background, once there
    are PARALLEL_FROM of them; fewer than that (a small site) are made here by `flush()`."""

    def __init__(self, folder: Path, workers: int | None = None):
        folder.mkdir(parents=True, exist_ok=True)
        self.folder = folder
        self.workers = default_workers() if workers is None else workers
        self.paths: dict[str, Path] = {}
        self.made = 0
        self._pending: list[Job] = []
        self._pool: ProcessPoolExecutor | None = None
        self._futures: dict = {}

    def add(self, job: Job) -> Path:
        path = self.paths.get(job.key)
        if path is None:
            path = self.paths[job.key] = self.folder / job.name
            if not path.is_file():
                self.made += 1
                self._pending.append(job)
                self._send()
        return path

    def _send(self, everything: bool = False) -> None:
        if self._pool is None and self.workers > 0 and len(self._pending) >= PARALLEL_FROM:
            # fork where available: workers inherit the loaded plugins instead of importing them.
            methods = multiprocessing.get_all_start_methods()
            context = multiprocessing.get_context("fork" if "fork" in methods else None)
            self._pool = ProcessPoolExecutor(self.workers, mp_context=context)
        if self._pool is None:
            if everything:
                _make(self._pending, self.folder)
                self._pending = []
            return
        while len(self._pending) >= CHUNK or (everything and self._pending):
            chunk, self._pending = self._pending[:CHUNK], self._pending[CHUNK:]
            future = self._pool.submit(_make, chunk, self.folder)
            self._futures.update((job.key, future) for job in chunk)

    def flush(self) -> None:
        """Every job added so far is sent (or made here, if they are few)."""
        self._send(everything=True)

    def path(self, key: str) -> Path:
        self.flush()  # the job may still be waiting for a full chunk
        future = self._futures.get(key)
        if future is not None:
            future.result()  # re-raises a worker's exception here
        return self.paths[key]

    def wait(self) -> dict[str, Path]:
        self.flush()
        if self._pool is not None:
            for future in set(self._futures.values()):
                future.result()
            self._pool.shutdown()
            self._pool, self._futures = None, {}
        return self.paths


def start(jobs: Iterable[Job], folder: Path, workers: int | None = None) -> Batch:
    """Start making the jobs whose file is not cached yet, in order; returns at once when workers
    do the work (the caller goes on writing pages), after the work when it is done here."""
    batch = Batch(folder, workers)
    for job in jobs:
        batch.add(job)
    batch.flush()
    return batch


def materialize(jobs: Iterable[Job], folder: Path, workers: int | None = None) -> tuple[dict[str, Path], int]:
    """({key: cached file}, number of files made): makes only the jobs whose file is not cached yet."""
    batch = start(jobs, folder, workers)
    return batch.wait(), batch.made
