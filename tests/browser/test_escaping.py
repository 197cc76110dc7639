"""Content can never run script: raw HTML in a profile body is shown as text, in the page and in search."""

import shutil

import pytest

from conftest import FIXTURES, run_build, serve

pytestmark = pytest.mark.browser

PAYLOAD = '<img src=x onerror="window.pwned = 1"> <a href="#" onclick="window.pwned = 2">clic</a>'


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory, noc_csv):
    content = tmp_path_factory.mktemp("hostile") / "content"
    shutil.copytree(FIXTURES / "valid", content)
    page = content / "metiers" / "cuisinier.md"
    page.write_text(
        page.read_text(encoding="utf-8").replace("Un parcours.", f"Un parcours. {PAYLOAD}"), encoding="utf-8"
    )
    output = content.parent / "output"
    result = run_build(content, output, noc_csv)
    assert result.returncode == 0, result.stderr
    server = serve(output)
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_html_in_a_body_is_displayed_not_executed(page, hostile_site):
    page.goto(hostile_site + "/metiers/cuisinier/")
    body = page.locator(".metier-body")
    assert "<img src=x" in body.inner_text()
    assert body.locator("img").count() == 0 and body.locator("[onclick]").count() == 0
    assert page.evaluate("window.pwned === undefined")


def test_search_results_show_text_only(page, hostile_site):
    page.goto(hostile_site + "/recherche/?q=parcours onerror img")
    page.wait_for_selector("#recherche-form[data-ready='true']")
    assert page.locator("#resultats img").count() == 0
    assert page.evaluate("window.pwned === undefined")
