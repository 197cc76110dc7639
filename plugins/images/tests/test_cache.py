from plugins.images import cache
from plugins.images.cache import Batch, Job, digest


def shout(text: str) -> bytes:
    return text.upper().encode()


def jobs(texts):
    return [Job(digest("shout", text), ".txt", shout, (text,)) for text in texts]


def run(jobs_, folder, workers=0):
    batch = Batch(folder, workers)
    for job in jobs_:
        batch.add(job)
    batch.wait()
    return batch


def test_digest_depends_on_every_part_and_their_boundaries():
    assert digest("a", "b") == digest("a", "b")
    assert digest("ab", "") != digest("a", "b")
    assert digest(b"x") != digest("x")


def test_only_missing_files_are_made(tmp_path):
    batch = run(jobs(["un", "deux"]), tmp_path)
    assert batch.made == 2
    assert sorted(batch.data(k) for k in batch.paths) == [b"DEUX", b"UN"]
    assert run(jobs(["un", "deux", "trois"]), tmp_path).made == 1
    assert not list(tmp_path.glob(".tmp-*"))


def test_a_damaged_or_deleted_entry_is_made_again(tmp_path):
    batch = run(jobs(["un", "deux"]), tmp_path)
    first, second = sorted(batch.paths.values())
    first.write_bytes(b"<script>alert(1)</script>")  # garbage written into the cache
    second.unlink()
    again = run(jobs(["un", "deux"]), tmp_path)
    assert again.made == 2
    assert sorted(again.data(k) for k in again.paths) == [b"DEUX", b"UN"]


def test_cache_deleted_while_the_build_runs(tmp_path):
    import shutil

    batch = run(jobs(["un"]), tmp_path / "c")
    shutil.rmtree(tmp_path / "c")
    assert [batch.data(k) for k in batch.paths] == [b"UN"]


def test_parallel_workers_make_the_same_files(tmp_path, monkeypatch):
    monkeypatch.setattr(cache, "PARALLEL_FROM", 2)
    texts = [f"mot {n}" for n in range(6)]
    parallel = run(jobs(texts), tmp_path / "p", workers=2)
    serial = run(jobs(texts), tmp_path / "s")
    assert parallel.made == 6
    assert {k: parallel.data(k) for k in parallel.paths} == {k: serial.data(k) for k in serial.paths}
