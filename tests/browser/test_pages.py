"""Pages as a visitor sees them, in headless Chromium against the served real site."""

import pytest

pytestmark = pytest.mark.browser


def test_home_leads_to_a_sector_and_a_profile(page, site_url):
    page.goto(site_url + "/")
    assert page.locator("html").get_attribute("lang") == "fr-CA"
    page.get_by_role("link", name="Petite enfance").first.click()
    assert page.url.endswith("/secteurs/petite-enfance/")
    page.locator("#contenu .card-title a").first.click()
    assert "/metiers/" in page.url
    assert page.locator("h1").count() == 1


def test_skip_link_is_the_first_tab_stop_and_moves_focus_to_main(page, site_url):
    page.goto(site_url + "/metiers/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Aller au contenu"
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#contenu"


def test_404_page_offers_search_and_browse(page, site_url):
    response = page.goto(site_url + "/404.html")
    assert response.ok
    assert page.get_by_role("heading", name="Page introuvable").is_visible()
    assert page.get_by_label("Métier ou profession").is_visible()
