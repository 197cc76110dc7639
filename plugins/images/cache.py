"""A content-addressed file cache: each generated file is stored under the hash of all its inputs.

An unchanged card or image size is copied from the cache instead of being drawn again; the
missing ones are made in worker processes, in the background, while Pelican writes the pages.
Nothing is trusted by its name: each entry is stored with the SHA-256 of its bytes
(`<key><suffix>.sha256`) and an entry whose bytes do not match, or that disappeared, is made
again (cache/ may be damaged or deleted at any moment of a build).
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
import tempfile
from collections.abc import Callable
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
    """Write atomically, digest last: concurrent builds never read a half-written entry, and an
    entry without its digest is not an entry."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    for target, payload in ((path, data), (_digest_path(path), hashlib.sha256(data).hexdigest().encode())):
        with tempfile.NamedTemporaryFile(dir=folder, prefix=".tmp-", delete=False) as part:
            part.write(payload)
        os.replace(part.name, target)
    return path


def _digest_path(path: Path) -> Path:
    return path.with_name(path.name + ".sha256")


def verified(path: Path) -> bytes | None:
    """The entry's bytes if they match their recorded digest, else None."""
    try:
        data = path.read_bytes()
        expected = _digest_path(path).read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError):
        return None
    return data if hashlib.sha256(data).hexdigest() == expected else None


def _make(jobs: list[Job], folder: Path) -> None:
    for job in jobs:
        try:
            _store(folder, job.name, job.make(*job.args))
        except OSError:
            pass  # the cache folder went away: the file is made again when it is placed


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
        self.jobs: dict[str, Job] = {}
        self.made = 0
        self._pending: list[Job] = []
        self._pool: ProcessPoolExecutor | None = None
        self._futures: dict = {}

    def add(self, job: Job) -> Path:
        path = self.paths.get(job.key)
        if path is None:
            path = self.paths[job.key] = self.folder / job.name
            self.jobs[job.key] = job
            if verified(path) is None:
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

    def data(self, key: str) -> bytes:
        """The verified bytes of one file, made here if its entry is missing or damaged."""
        self.path(key)
        data = verified(self.paths[key])
        if data is None:
            job = self.jobs[key]
            data = job.make(*job.args)
            try:
                _store(self.folder, job.name, data)
            except OSError:
                pass
        return data

    def wait(self) -> dict[str, Path]:
        self.flush()
        if self._pool is not None:
            for future in set(self._futures.values()):
                future.result()
            self._pool.shutdown()
            self._pool, self._futures = None, {}
        return self.paths
