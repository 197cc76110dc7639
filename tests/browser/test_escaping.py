"""Content that may build can never run script: attribute syntax, escaped HTML and tricky link
titles are shown as text in the page and in search results (hostile input the rules reject is
in tests/test_hostile.py)."""

import shutil

import pytest

from conftest import FIXTURES, run_build, served

pytestmark = pytest.mark.browser

# Accepted by the rules (no raw tag, no forbidden address) yet aimed at a script context.
PAYLOADS = (
    '{: onclick="window.pwned = 1" }',
    "&lt;img src=x onerror=&quot;window.pwned = 2&quot;&gt;",
    '[titre piégé](https://exemple.org/page "x\\" onmouseover=\\"window.pwned = 3")',
)


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    content = tmp_path_factory.mktemp("hostile") / "content"
    shutil.copytree(FIXTURES / "valid", content)
    page = content / "metiers" / "cuisinier.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(
        text.replace(
            "Chez cuisinier 0, la description", " ".join(PAYLOADS) + " Chez cuisinier 0, la description", 1
        ),
        encoding="utf-8",
    )
    output = content.parent / "output"
    result = run_build(content, output)
    assert result.returncode == 0, result.stderr
    with served(output) as url:
        yield url


def test_payloads_are_displayed_as_text_and_never_run(page, hostile_site):
    page.goto(hostile_site + "/metiers/cuisinier/")
    body = page.locator(".metier-body")
    text = body.inner_text()
    assert '{: onclick="window.pwned = 1" }' in text
    assert '<img src=x onerror="window.pwned = 2">' in text
    assert body.locator("img").count() == 0 and body.locator("[onclick], [onmouseover]").count() == 0
    body.get_by_text("titre piégé").hover()
    assert page.evaluate("window.pwned === undefined")


def test_search_results_show_text_only(page, hostile_site):
    page.goto(hostile_site + "/recherche/?q=onclick pwned")
    page.wait_for_selector("#recherche-form[data-ready='true']")
    assert page.locator("#resultats img, #resultats [onclick]").count() == 0
    assert page.evaluate("window.pwned === undefined")
