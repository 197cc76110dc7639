"""Suggestions under the search field: a WAI-ARIA combobox (APG « combobox with listbox popup »)
that lists the titles and other titles matching the words typed, in Chromium on the real site."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from playwright.sync_api import expect
from test_accessibility import axe_violations
from test_search import open_search

pytestmark = pytest.mark.browser

# The project's root from this file: `conftest` may name another test folder's conftest.
ROOT = Path(__file__).resolve().parents[2]


def field(page):
    return page.get_by_role("combobox", name="Métier ou profession")


def suggestions(page):
    return page.get_by_role("listbox", name="Suggestions de métiers")


def type_text(page, text):
    field(page).press_sequentially(text)


def front_matter(slug: str) -> dict:
    text = (ROOT / "content" / "metiers" / f"{slug}.md").read_text(encoding="utf-8")
    return yaml.safe_load(text.split("---")[1])


def test_typing_the_start_of_a_title_lists_matching_titles(page, site_url):
    open_search(page, site_url)
    type_text(page, "educat")  # no accent, a word cut short
    expect(suggestions(page)).to_be_visible()
    options = suggestions(page).get_by_role("option")
    expect(options.first).to_contain_text(re.compile(r"^Éducat"))
    assert 1 <= options.count() <= 8
    expect(options.first.locator("mark").first).to_have_text("Éducat")  # the part typed
    expect(options.filter(has_text="Éducatrice / éducateur à la petite enfance")).to_have_count(1)


def test_feminine_form_finds_the_title_written_otherwise(page, site_url):
    open_search(page, site_url)
    type_text(page, "intervenante commu")
    expect(suggestions(page).get_by_role("option").first).to_have_text("Intervenant·e communautaire")


def test_a_misspelt_word_suggests_the_titles_of_its_nearest_spelling(page, site_url):
    open_search(page, site_url)
    type_text(page, "vuisinier")  # the first letter wrong: no title part holds it
    options = suggestions(page).get_by_role("option")
    expect(options.first).to_have_text("Cuisinier·ère")
    expect(options.first.locator("mark")).to_have_text("Cuisinier")  # the word searched instead
    field(page).fill("")
    type_text(page, "sicologue")  # written as it sounds
    expect(options.first).to_have_text("Psychologue")
    # Said, not only shown: the list is for another spelling.
    expect(page.get_by_role("status").filter(has_text="suggestion")).to_have_text(
        "1 suggestion pour « psychologue » ; flèches haut et bas pour choisir"
    )


def test_arrow_down_then_enter_opens_the_profile(page, site_url):
    open_search(page, site_url)
    type_text(page, "educatrice petite")
    expect(suggestions(page)).to_be_visible()
    page.keyboard.press("ArrowDown")
    chosen = suggestions(page).locator("[role=option][aria-selected=true]")
    expect(chosen).to_have_text("Éducatrice / éducateur à la petite enfance")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/metiers/educatrice-a-la-petite-enfance/$"))
    expect(page.locator("h1")).to_have_text("Éducatrice / éducateur à la petite enfance")


def test_enter_without_choosing_runs_the_usual_search(page, site_url):
    open_search(page, site_url)
    type_text(page, "archiviste")
    expect(suggestions(page)).to_be_visible()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/recherche/\?q=archiviste$"))
    expect(field(page)).to_have_attribute("aria-expanded", "false")
    expect(suggestions(page)).to_be_hidden()
    expect(page.locator("#resultats .card-title a").first).to_have_text("Archiviste")
    expect(page.locator("#resultats > li").first).to_be_visible()


def test_escape_closes_the_list_then_empties_the_field(page, site_url):
    open_search(page, site_url)
    type_text(page, "cuisin")
    expect(field(page)).to_have_attribute("aria-expanded", "true")
    page.keyboard.press("Escape")
    expect(field(page)).to_have_attribute("aria-expanded", "false")
    expect(suggestions(page)).to_be_hidden()
    expect(field(page)).to_have_value("cuisin")  # the first Escape keeps the text
    page.keyboard.press("Escape")
    expect(field(page)).to_have_value("")
    expect(page.locator("#resultats > li")).to_have_count(0)


def test_combobox_wiring_follows_the_aria_pattern(page, site_url):
    open_search(page, site_url)
    box = page.locator("#recherche-q")
    expect(box).to_have_attribute("role", "combobox")
    expect(box).to_have_attribute("aria-autocomplete", "list")
    expect(box).to_have_attribute("aria-expanded", "false")
    listbox = page.locator(f"#{box.get_attribute('aria-controls')}")
    expect(listbox).to_have_attribute("role", "listbox")
    type_text(page, "interv")
    expect(box).to_have_attribute("aria-expanded", "true")
    options = listbox.locator("[role=option]")
    assert options.count() >= 3
    assert box.get_attribute("aria-activedescendant") is None  # nothing chosen before the arrows
    expect(listbox.locator("[aria-selected=true]")).to_have_count(0)

    def highlighted():
        expect(listbox.locator("[aria-selected=true]")).to_have_count(1)
        chosen = listbox.locator("[aria-selected=true]")
        assert box.get_attribute("aria-activedescendant") == chosen.get_attribute("id")
        return chosen.get_attribute("id")

    ids = options.evaluate_all("els => els.map(e => e.id)")
    assert all(ids) and len(set(ids)) == len(ids)
    page.keyboard.press("ArrowDown")
    assert highlighted() == ids[0]
    page.keyboard.press("ArrowDown")
    assert highlighted() == ids[1]
    page.keyboard.press("ArrowUp")
    assert highlighted() == ids[0]
    page.keyboard.press("ArrowUp")  # wraps around to the last one
    assert highlighted() == ids[-1]
    page.keyboard.press("ArrowDown")  # and back to the first
    assert highlighted() == ids[0]
    expect(box).to_be_focused()  # the focus stays in the field


def test_another_title_of_a_profile_suggests_that_profile(page, site_url):
    profile = front_matter("abatteur-manuel")
    assert "bûcheron·ne" in profile["appellations"] and "bûcheron" not in profile["title"].lower()
    open_search(page, site_url)
    type_text(page, "bucheron")
    option = suggestions(page).get_by_role("option")
    expect(option).to_have_count(1)
    expect(option.locator(".suggestion-titre")).to_have_text(profile["title"])
    expect(option.locator(".suggestion-autre")).to_have_text("Aussi appelé : bûcheron·ne")
    option.click()  # a click (or a tap) opens the profile
    expect(page).to_have_url(re.compile(r"/metiers/abatteur-manuel/$"))
    expect(page.locator("h1")).to_have_text(profile["title"])


def test_the_number_of_suggestions_is_announced(page, site_url):
    open_search(page, site_url)
    type_text(page, "bucheron")
    expect(page.get_by_role("status").filter(has_text="suggestion")).to_have_text(
        "1 suggestion ; flèches haut et bas pour choisir"
    )


def test_a_word_matching_no_title_shows_no_list(page, site_url):
    open_search(page, site_url)
    type_text(page, "cuisin")
    expect(field(page)).to_have_attribute("aria-expanded", "true")
    field(page).fill("zzqxwv")
    page.wait_for_function("new URLSearchParams(location.search).get('q') === 'zzqxwv'")
    expect(field(page)).to_have_attribute("aria-expanded", "false")
    expect(suggestions(page)).to_be_hidden()
    expect(suggestions(page).get_by_role("option")).to_have_count(0)


def test_the_list_closes_when_the_field_is_emptied_or_left(page, site_url):
    open_search(page, site_url)
    type_text(page, "cuisin")
    expect(suggestions(page)).to_be_visible()
    field(page).fill("")
    expect(suggestions(page)).to_be_hidden()
    type_text(page, "cuisin")
    expect(suggestions(page)).to_be_visible()
    page.locator("h1").click()  # elsewhere on the page
    expect(suggestions(page)).to_be_hidden()
    expect(field(page)).to_have_attribute("aria-expanded", "false")


def test_on_a_phone_the_list_fits_and_options_are_easy_to_tap(browser, site_url):
    context = browser.new_context(locale="fr-CA", viewport={"width": 390, "height": 844}, is_mobile=True)
    page = context.new_page()
    open_search(page, site_url)
    type_text(page, "educat")
    expect(suggestions(page)).to_be_visible()
    listbox = suggestions(page).bounding_box()
    assert listbox["x"] >= 0 and listbox["x"] + listbox["width"] <= 390
    heights = [
        box["height"]
        for box in suggestions(page)
        .get_by_role("option")
        .evaluate_all("els => els.map(e => e.getBoundingClientRect().toJSON())")
    ]
    assert heights and min(heights) >= 44
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    context.close()


def test_axe_finds_no_violation_with_the_list_open(page, site_url):
    open_search(page, site_url)
    type_text(page, "educat")
    page.keyboard.press("ArrowDown")
    expect(suggestions(page).locator("[aria-selected=true]")).to_have_count(1)
    assert axe_violations(page) == []
