"""Pages as a visitor sees them, in headless Chromium against the served real site."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def test_home_leads_to_a_sector_and_a_profile(page, site_url):
    page.goto(site_url + "/")
    assert page.locator("html").get_attribute("lang") == "fr-CA"
    page.locator(".sector-grid").get_by_role("link", name=re.compile("^Petite enfance")).click()
    expect(page).to_have_url(re.compile("/secteurs/petite-enfance/$"))
    card = page.locator("#contenu .card-title a").first
    title = card.text_content().strip()
    card.click()
    # The URL changes when the new page commits, before it is parsed: wait for its heading.
    expect(page).to_have_url(re.compile("/metiers/[a-z0-9-]+/$"))
    expect(page.locator("h1")).to_have_count(1)
    expect(page.locator("h1")).to_have_text(title)


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


KINDS = [
    "/",
    "/trouve-ton-metier/?types=social,realiste",
    "/metiers/?niveau=formation-professionnelle&interet=realiste",
    "/metiers/charge-de-programmes-en-cooperation-internationale/",
    "/secteurs/",
    "/secteurs/soutien-a-l-action-communautaire-et-ou-a-l-economie-sociale-et-a-l-entrepreneuriat/",
    "/cnp/",
    "/cnp/42201/",
    "/recherche/?q=intervenante communautaire",
    "/interets/entreprenant/",
    "/plan-du-site/",
    "/pourquoi-l-esac/",
    "/404.html",
]


@pytest.mark.parametrize("width,height", [(390, 844), (1366, 900)])
def test_no_page_is_wider_than_the_screen(browser, site_url, width, height):
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    wide = {}
    for path in KINDS:
        page.goto(site_url + path)
        page.wait_for_load_state("load")
        scroll = page.evaluate("document.documentElement.scrollWidth")
        if scroll > width:
            wide[path] = scroll
    context.close()
    assert wide == {}


def test_the_three_doors_are_above_the_fold_on_a_phone(browser, site_url):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(site_url + "/")
    for name in ("Trouve ton métier", "Explore par secteur", "Cherche un métier ou un code"):
        box = page.locator(".portes").get_by_role("link", name=name).bounding_box()
        assert box["y"] + box["height"] <= 844, name
    context.close()


def test_on_a_phone_a_profile_shows_its_description_on_the_first_screen(browser, site_url):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(site_url + "/metiers/cuisinier/")
    assert (
        page.get_by_role("heading", name="En bref").bounding_box()["y"]
        < page.get_by_role("heading", name="Description", exact=True).bounding_box()["y"]
        < 844
    )
    context.close()


def test_the_quiz_end_to_end_by_keyboard_and_its_result_by_url(page, site_url):
    page.goto(site_url + "/trouve-ton-metier/")
    checkboxes = page.locator("#quiz input[type=checkbox]")
    checkboxes.first.focus()
    for index in range(checkboxes.count()):
        if checkboxes.nth(index).get_attribute("data-type") == "social":
            checkboxes.nth(index).focus()
            page.keyboard.press("Space")
    page.get_by_role("button", name="Voir les métiers pour moi").focus()
    page.keyboard.press("Enter")
    result = page.locator("#quiz-resultat")
    result.wait_for(state="visible")
    assert "Social" in page.locator("#quiz-types").inner_text()
    titles = page.locator("#quiz-metiers .card-title").all_inner_texts()
    assert len(titles) >= 5 and "Pourquoi" in page.locator("#quiz-metiers .card-resume").first.inner_text()
    shared = page.url
    assert "types=social" in shared
    page.goto(shared)
    page.locator("#quiz-resultat").wait_for(state="visible")
    assert page.locator("#quiz-metiers .card-title").all_inner_texts() == titles


def test_interest_pages_work_without_javascript(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "/trouve-ton-metier/")
    page.get_by_role("link", name="Social").click()
    expect(page).to_have_url(re.compile("/interets/social/$"))
    expect(page.locator("footer")).to_be_attached()  # the new page is parsed to its end
    assert page.locator(".card").count() >= 10
    context.close()


def test_a_long_interest_list_narrows_by_sector(page, site_url):
    page.goto(site_url + "/interets/social/")
    page.get_by_text("Resserrer par secteur d'activité").click()
    chip = page.get_by_role("link", name=re.compile(r"^Petite enfance \(\d+\)$"))
    count = int(re.search(r"\((\d+)\)", chip.inner_text()).group(1))
    chip.click()
    page.wait_for_function("new URLSearchParams(location.search).get('secteur') === 'petite-enfance'")
    cards = page.locator(".lettre .card:visible")
    expect(cards).to_have_count(count)
    for card in cards.all():
        assert "petite-enfance" in card.get_attribute("data-secteurs").split()
        assert "social" in card.get_attribute("data-interets").split()


def test_filters_combine_and_round_trip_through_the_url(page, site_url):
    page.goto(site_url + "/metiers/")
    total = page.locator(".lettre .card:visible").count()
    page.get_by_label("Études").select_option("formation-professionnelle")
    page.get_by_label("Intérêt").select_option("realiste")
    page.wait_for_function("new URLSearchParams(location.search).get('interet') === 'realiste'")
    shown = page.locator(".lettre .card:visible").count()
    assert 0 < shown < total
    other = page.context.new_page()
    other.goto(page.url)
    assert other.get_by_label("Études").input_value() == "formation-professionnelle"
    assert other.locator(".lettre .card:visible").count() == shown
    other.close()


def test_a_whole_card_is_tappable(page, site_url):
    page.goto(site_url + "/secteurs/petite-enfance/")
    card = page.locator(".card").first
    box = card.bounding_box()
    title = card.locator(".card-title a").get_attribute("href")
    page.mouse.click(box["x"] + box["width"] - 10, box["y"] + box["height"] - 10)
    page.wait_for_url("**" + title)


def test_profile_dates_are_written_in_words(page, site_url):
    page.goto(site_url + "/metiers/cuisinier/")
    assert page.locator(".metier-footer time").inner_text() == "2 décembre 2026"
