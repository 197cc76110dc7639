"""The reading memo: a second run reads only edited files, reports the same problems, and a
damaged or missing cache is only a slower build."""

from plugins.content_model import corpus as corpus_module
from plugins.content_model import memo as memo_module
from plugins.content_model.corpus import read_corpus
from plugins.content_model.memo import Memo
from plugins.content_model.reference import Reference
from plugins.content_model.rules import check
from trees import GOOD_FRONT


def run(tree, path):
    found = read_corpus(tree.root, Memo(path))
    return [str(p) for p in check(found, Reference.load(), [""])], found.conversions


def test_second_run_converts_only_the_edited_file(tree, tmp_path):
    table = tmp_path / "cache" / "content_model.pickle"
    tree.metier("cuisinier", GOOD_FRONT + "salaire: 20\n")
    first, conversions = run(tree, table)
    assert conversions == 4 and first == [
        "content/metiers/cuisinier.md:14: salaire: champ inconnu (vérifier l'orthographe)"
    ]
    again, conversions = run(tree, table)
    assert again == first and conversions == 0
    tree.metier("cuisinier", GOOD_FRONT)
    fixed, conversions = run(tree, table)
    assert fixed == [] and conversions == 1


def test_garbage_in_the_cache_is_ignored(tree, tmp_path):
    table = tmp_path / "cache" / "content_model.pickle"
    table.parent.mkdir()
    table.write_bytes(b"\x80\x04garbage bytes, not a pickle")
    problems, conversions = run(tree, table)
    assert problems == [] and conversions == 3


def test_a_cache_folder_that_cannot_be_written_is_only_slower(tree, tmp_path):
    blocker = tmp_path / "cache"
    blocker.write_text("a file where the folder should be", encoding="utf-8")
    problems, _ = run(tree, blocker / "content_model.pickle")
    assert problems == []


def test_each_body_is_converted_once_per_read(tree, monkeypatch):
    seen = []
    original = corpus_module.BodyConverter.convert
    monkeypatch.setattr(
        corpus_module.BodyConverter, "convert", lambda self, text: seen.append(1) or original(self, text)
    )
    read_corpus(tree.root)
    assert len(seen) == 3  # two profiles and one sector: each body converted exactly once


def test_a_preview_session_keeps_its_tables_in_memory_and_writes_them_when_it_ends(tree, tmp_path):
    table = tmp_path / "cache" / "content_model.pickle"
    memo_module.keep_in_memory()
    try:
        first = read_corpus(tree.root, Memo(table))  # a session's first (full) build
        assert table.is_file()  # written at once
        table.unlink()
        tree.metier("cuisinier", GOOD_FRONT + "salaire: 20\n")
        edited = read_corpus(tree.root, Memo(table, defer=True))  # an incremental build
        # Only what the edit touched: the table came from memory, not from the (deleted) disk.
        assert 0 < edited.conversions < first.conversions
        assert not table.exists()  # and is not written at every edit
    finally:
        memo_module.write_kept()
    assert table.is_file()  # the session ended: written
    _, conversions = run(tree, table)  # outside a session, from the disk
    assert conversions == 0
