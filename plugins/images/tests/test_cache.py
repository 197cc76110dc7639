from images import cache
from images.cache import Job, digest, materialize


def shout(text: str) -> bytes:
    return text.upper().encode()


def jobs(texts):
    return [Job(digest("shout", text), ".txt", shout, (text,)) for text in texts]


def test_digest_depends_on_every_part_and_their_boundaries():
    assert digest("a", "b") == digest("a", "b")
    assert digest("ab", "") != digest("a", "b")
    assert digest(b"x") != digest("x")


def test_only_missing_files_are_made(tmp_path):
    paths, made = materialize(jobs(["un", "deux"]), tmp_path, workers=0)
    assert made == 2
    assert sorted(p.read_bytes() for p in paths.values()) == [b"DEUX", b"UN"]
    paths, made = materialize(jobs(["un", "deux", "trois"]), tmp_path, workers=0)
    assert made == 1
    assert not list(tmp_path.glob(".tmp-*"))


def test_parallel_workers_make_the_same_files(tmp_path, monkeypatch):
    monkeypatch.setattr(cache, "PARALLEL_FROM", 2)
    texts = [f"mot {n}" for n in range(6)]
    parallel, made = materialize(jobs(texts), tmp_path / "p", workers=2)
    serial, _ = materialize(jobs(texts), tmp_path / "s", workers=0)
    assert made == 6
    assert {k: p.read_bytes() for k, p in parallel.items()} == {k: p.read_bytes() for k, p in serial.items()}
