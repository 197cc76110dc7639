"""The validation memo: a second run re-checks only edited files and reports the same problems."""

import pickle

from content_model import memo as memo_module
from content_model import validate
from content_model.memo import Memo
from content_model.noc import UnitGroup
from trees import GOOD_FRONT

NOC = {"63200": UnitGroup("63200", "Cuisiniers/cuisinières")}


def run(tree, path):
    return [str(p) for p in validate.validate_content(tree.root, NOC, Memo(path))]


def count_schema_checks(monkeypatch) -> list[str]:
    checked = []
    original = validate._check_schema

    def counting(entry, kind):
        checked.append(entry.slug)
        return original(entry, kind)

    monkeypatch.setattr(validate, "_check_schema", counting)
    return checked


def test_second_run_checks_only_the_edited_file_and_finds_its_new_problem(tree, tmp_path, monkeypatch):
    table = tmp_path / "cache" / "content_model.pickle"
    tree.metier("cuisinier", GOOD_FRONT + "salaire: 20\n")
    first = run(tree, table)
    assert first == ["content/metiers/cuisinier.md:13: salaire: champ inconnu (vérifier l'orthographe)"]

    checked = count_schema_checks(monkeypatch)
    assert run(tree, table) == first  # problems found from the memo, same file and line
    assert checked == []

    tree.metier("autre-2", GOOD_FRONT.replace('cnp: "63200"', "cnp: 63200"))
    second = run(tree, table)
    assert checked == ["autre-2"]
    assert "content/metiers/autre-2.md:3: cnp: type invalide" in " ".join(second)
    assert first[0] in second


def test_cross_file_rules_run_even_when_every_file_is_memoized(tree, tmp_path):
    table = tmp_path / "content_model.pickle"
    tree.metier("cuisinier")
    assert run(tree, table) == []
    (tree.root / "metiers" / "autre.md").unlink()  # their `related` now point nowhere
    unknown = "related: fiche inconnue ; vouliez-vous dire « autre-2 » ? (autre)"
    assert run(tree, table) == [
        f"content/metiers/autre-2.md:11: {unknown}",
        f"content/metiers/cuisinier.md:11: {unknown}",
    ]


def test_a_change_in_the_rules_code_starts_a_fresh_table(tree, tmp_path, monkeypatch):
    table = tmp_path / "content_model.pickle"
    tree.metier("cuisinier")
    run(tree, table)
    monkeypatch.setattr(memo_module, "code_stamp", lambda *_: "another version of the rules")
    checked = count_schema_checks(monkeypatch)
    run(tree, table)
    assert sorted(checked) == ["autre", "autre-2", "cuisinier", "securite-alimentaire"]


def test_a_damaged_table_is_only_a_slower_run(tree, tmp_path):
    table = tmp_path / "content_model.pickle"
    table.write_bytes(b"not a pickle")
    tree.metier("cuisinier")
    assert run(tree, table) == []
    stamp, entries = pickle.loads(table.read_bytes())
    assert stamp == memo_module.code_stamp() and entries
