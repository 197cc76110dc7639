"""Work shared out to worker processes gives exactly what the same work gives in this process."""

from pathlib import Path

import pytest

from plugins.content_model import parallel
from plugins.content_model.corpus import read_corpus
from plugins.content_model.reference import Reference
from plugins.content_model.rules import check

CONTENT = Path(__file__).resolve().parents[3] / "content"


def doubled(items: list[int]) -> list[int]:
    return [2 * item for item in items]


def test_results_keep_their_order_across_chunks(monkeypatch):
    monkeypatch.setattr(parallel, "PARALLEL_FROM", 2)
    items = list(range(103))
    assert parallel.chunked_map(doubled, items, workers=2) == [2 * i for i in items]


@pytest.fixture
def everything_in_workers(monkeypatch):
    monkeypatch.setattr(parallel, "PARALLEL_FROM", 2)
    monkeypatch.setattr(parallel.os, "cpu_count", lambda: 2)


def read_all():
    found = read_corpus(CONTENT)
    return (
        found,
        [(f.rel, f.doc, f.body) for f in found.fiches],
        [str(p) for p in check(found, Reference.load(), [""])],
    )


def test_reading_the_real_corpus_in_workers_is_identical(everything_in_workers, monkeypatch):
    with monkeypatch.context() as serial:
        serial.setattr(parallel, "PARALLEL_FROM", 10**9)
        here, here_fiches, here_problems = read_all()
    there, there_fiches, there_problems = read_all()
    assert len(there_fiches) > 250 and there_fiches == here_fiches
    assert there_problems == here_problems
    assert there.conversions == here.conversions == len(here_fiches)


def test_a_broken_file_is_reported_the_same_from_a_worker(everything_in_workers, tree):
    from trees import GOOD_FRONT

    tree.metier("cuisinier", GOOD_FRONT + "salaire: [\n")
    tree.metier("boulanger", GOOD_FRONT)
    problems = [str(p) for p in check(read_corpus(tree.root), Reference.load(), [""])]
    assert any("cuisinier.md" in p for p in problems)
    assert not any("boulanger.md" in p for p in problems)


def test_background_work_gives_its_result_from_another_process():
    import os

    wait = parallel.in_background(lambda: (os.getpid(), doubled([1, 2])))
    pid, result = wait()
    assert pid != os.getpid() and result == [2, 4]
    assert wait() == (pid, result)  # asked again: the same result, the process long gone


def test_an_error_in_background_work_is_raised_here_with_its_traceback():
    def broken():
        raise ValueError("index illisible")

    wait = parallel.in_background(broken)
    with pytest.raises(RuntimeError, match="ValueError: index illisible"):
        wait()
