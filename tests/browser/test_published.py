"""The published site (publishconf.py: minified, fingerprinted, precompressed) searches as the
development build does: its one search script is made by the build, then minified."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from conftest import FIXTURES, run_build, served

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def published_url(tmp_path_factory, noc_csv):
    output = tmp_path_factory.mktemp("publie") / "output"
    result = run_build(FIXTURES / "valid", output, noc_csv, settings="publishconf.py", SITEURL="")
    assert result.returncode == 0, result.stderr
    with served(output) as url:
        yield url


def test_the_published_search_page_finds_by_title_and_by_text(page, published_url):
    page.goto(f"{published_url}/recherche/?q=cuisiniere")
    page.wait_for_selector("#resultats li[data-cnp]")
    assert page.locator("#resultats .card-title a").first.text_content() == "Cuisinier·ère"
    assert page.locator("#resultats mark").first.text_content().startswith("Cuisini")
    # The text parts and the French stemmer (lunr-languages) come once the reader is at the form.
    page.focus("#recherche-q")
    page.wait_for_selector("#recherche-form[data-complete='true']")
    page.get_by_label("Métier ou profession").fill("repas")  # a word of the text, not of a title
    expect(page.locator("#resultats-texte li[data-cnp]").first).to_be_attached()
