"""A profile as people share and print it: structured data, social card, print, QR code, copy link."""

from __future__ import annotations

import io
import json
import re

import pytest
import zxingcpp
from PIL import Image
from playwright.sync_api import expect

from conftest import ROOT
from conftest import SAMPLE_PROFILES as PROFILES
from pelicanconf import PUBLIC_URL

pytestmark = pytest.mark.browser


def longest_profile() -> str:
    """The profile with the most text: the hardest one to print on two pages."""
    return max((ROOT / "content" / "metiers").glob("*.md"), key=lambda p: p.stat().st_size).stem


def local(url: str, site_url: str) -> str:
    """A public address (PUBLIC_URL/...) on the locally served build."""
    assert url.startswith(PUBLIC_URL + "/"), url
    return site_url + url.removeprefix(PUBLIC_URL)


def json_ld(page) -> dict[str, dict]:
    blocks = page.locator('script[type="application/ld+json"]').all_text_contents()
    return {data["@type"]: data for data in map(json.loads, blocks)}


@pytest.mark.parametrize("slug", PROFILES)
def test_json_ld_describes_the_occupation_with_its_noc_code(page, site_url, slug):
    page.goto(f"{site_url}/metiers/{slug}/")
    data = json_ld(page)
    occupation = data["Occupation"]
    code = page.locator("article.metier").get_attribute("data-cnp")
    assert occupation["occupationalCategory"]["codeValue"] == code
    assert occupation["occupationalCategory"]["inCodeSet"]["name"] == "NOC 2021"
    assert occupation["name"] == page.locator("h1").inner_text()
    assert occupation["description"] == page.locator(".metier-header .lead").inner_text()
    assert occupation["occupationLocation"]["name"] == "Québec"
    assert occupation["educationRequirements"] and occupation["responsibilities"] and occupation["skills"]
    canonical = page.locator('link[rel="canonical"]').get_attribute("href")
    assert canonical == f"{PUBLIC_URL}/metiers/{slug}/" == occupation["url"]
    trail = data["BreadcrumbList"]["itemListElement"]
    assert [item["name"] for item in trail] == ["Accueil", "Métiers A–Z", occupation["name"]]
    assert trail[-1]["item"] == canonical


@pytest.mark.parametrize("path", ["/metiers/cuisinier/", "/secteurs/petite-enfance/", "/"])
def test_shared_link_shows_a_1200_by_630_card(page, site_url, path):
    page.goto(site_url + path)
    meta = {
        name: page.locator(f'meta[property="{name}"], meta[name="{name}"]').get_attribute("content")
        for name in ["og:image", "twitter:image", "og:title", "og:description", "og:url", "description"]
    }
    assert meta["og:image"] == meta["twitter:image"]
    assert meta["og:url"] == page.locator('link[rel="canonical"]').get_attribute("href")
    assert meta["og:description"] == meta["description"] != ""
    response = page.request.get(local(meta["og:image"], site_url))
    assert response.ok and response.headers["content-type"] == "image/png"
    with Image.open(io.BytesIO(response.body())) as card:
        assert card.size == (1200, 630)


def test_profile_card_differs_from_the_sector_card(page, site_url):
    images = []
    for path in ["/metiers/cuisinier/", "/metiers/intervenant-communautaire/", "/secteurs/petite-enfance/"]:
        page.goto(site_url + path)
        images.append(page.locator('meta[property="og:image"]').get_attribute("content"))
    assert len(set(images)) == 3


def test_print_hides_navigation_and_shows_the_qr_code_and_link_addresses(page, site_url):
    page.goto(f"{site_url}/metiers/cuisinier/")
    assert not page.locator(".fiche-qr").is_visible()  # on screen, no QR code
    page.emulate_media(media="print")
    for hidden in [".site-header", ".breadcrumb", ".site-footer", ".partage", ".skip-link"]:
        assert not page.locator(hidden).is_visible(), hidden
    assert page.locator(".fiche-qr svg").is_visible()
    assert "faislesaut.csmoesac.qc.ca/metiers/cuisinier/" in page.locator(".fiche-qr").inner_text()
    source = page.locator(".sources a").first
    after = source.evaluate("a => getComputedStyle(a, '::after').content")
    assert source.get_attribute("href") in after
    badge = page.locator(".facts .code-badge").first
    assert float(badge.evaluate("b => getComputedStyle(b).fontSize").removesuffix("px")) >= 18  # 15pt = 20px


def test_printed_qr_code_scans_to_the_page(browser, site_url):
    context = browser.new_context(device_scale_factor=3)
    page = context.new_page()
    page.goto(f"{site_url}/metiers/prepose-d-aide-a-domicile/")
    page.emulate_media(media="print")
    shot = page.locator(".fiche-qr svg").screenshot()
    context.close()
    codes = zxingcpp.read_barcodes(Image.open(io.BytesIO(shot)))
    assert [code.text for code in codes] == [f"{PUBLIC_URL}/metiers/prepose-d-aide-a-domicile/"]


@pytest.mark.parametrize("slug", sorted({longest_profile(), "cuisinier", "gestionnaire-de-benevoles"}))
def test_profile_prints_on_at_most_two_pages(page, site_url, slug):
    page.goto(f"{site_url}/metiers/{slug}/")
    pdf = page.pdf(format="Letter")
    pages = len(re.findall(rb"/Type\s*/Page\b(?!s)", pdf))
    assert 1 <= pages <= 2, f"{slug} prints on {pages} pages"


def test_copy_link_puts_the_page_address_in_the_clipboard_and_says_so(page, site_url):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url)
    page.goto(f"{site_url}/metiers/cuisinier/")
    page.get_by_role("button", name="Copier le lien de la fiche").click()
    status = page.get_by_role("status")
    assert status.inner_text().startswith("Lien copié")
    assert page.evaluate("navigator.clipboard.readText()") == f"{PUBLIC_URL}/metiers/cuisinier/"


def test_copy_link_without_clipboard_access_selects_the_link(page, site_url):
    page.add_init_script("Object.defineProperty(Navigator.prototype, 'clipboard', {get: () => undefined})")
    page.goto(f"{site_url}/metiers/cuisinier/")
    page.get_by_role("button", name="Copier le lien de la fiche").click()
    field = page.get_by_role("textbox", name="Lien de la fiche")
    assert field.input_value() == f"{PUBLIC_URL}/metiers/cuisinier/"
    assert field.evaluate("f => f === document.activeElement && f.selectionEnd - f.selectionStart") == len(
        field.input_value()
    )
    assert "Ctrl+C" in page.get_by_role("status").inner_text()


def test_print_button_opens_the_print_dialog(page, site_url):
    page.add_init_script("window.print = () => { window.printed = (window.printed || 0) + 1; }")
    page.goto(f"{site_url}/metiers/cuisinier/")
    page.get_by_role("button", name="Imprimer la fiche").click()
    assert page.evaluate("window.printed") == 1


def test_without_javascript_the_share_buttons_are_not_offered(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{site_url}/metiers/cuisinier/")
    assert page.locator("h1").is_visible()
    assert page.get_by_role("button", name="Copier le lien de la fiche").count() == 0
    context.close()


def test_short_link_by_code_lists_the_profile(page, site_url):
    page.goto(f"{site_url}/metiers/intervenant-communautaire/")
    page.get_by_role("link", name="Lien court vers le code 42201").click()
    expect(page).to_have_url(f"{site_url}/cnp/42201/")
    expect(page.locator("h1")).to_contain_text("CNP 42201")
    expect(page.get_by_role("link", name="Intervenant·e communautaire")).to_have_count(1)


def test_my_selection_survives_a_reload_is_shared_by_url_and_prints_as_a_booklet(browser, site_url):
    context = browser.new_context()
    page = context.new_page()
    for slug in ("cuisinier", "gestionnaire-de-benevoles"):
        page.goto(f"{site_url}/metiers/{slug}/")
        page.get_by_role("button", name="Ajouter à ma sélection").click()
        assert (
            page.get_by_role("button", name="Retirer de ma sélection").get_attribute("aria-pressed") == "true"
        )
    page.goto(f"{site_url}/ma-selection/")
    page.reload()
    titles = page.locator("#selection-liste .card-title").all_inner_texts()
    assert titles == ["Cuisinier·ère", "Gestionnaire de bénévoles"]
    page.evaluate("window.FaisLeSautSelection.prepare()")
    page.wait_for_function("document.querySelectorAll('#livret article.metier').length === 2")
    pdf = page.pdf(format="Letter")
    pages = len(re.findall(rb"/Type\s*/Page\b(?!s)", pdf))
    assert 3 <= pages <= 5  # a cover, then each fiche on at most two sheets
    assert page.locator(".livret-sommaire .qr").count() == 2
    context.close()
    shared = browser.new_context()  # another browser: the link alone carries the selection
    other = shared.new_page()
    other.goto(f"{site_url}/ma-selection/?fiches=cuisinier,gestionnaire-de-benevoles,inconnu")
    assert other.locator("#selection-liste .card-title").all_inner_texts() == titles
    shared.close()
