"""Search as counsellors and students use it, in Chromium against the built real site."""

from __future__ import annotations

import urllib.parse
from pathlib import Path

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def open_search(page, site_url, **params):
    query = urllib.parse.urlencode(params)
    page.goto(f"{site_url}/recherche/{'?' + query if query else ''}")
    page.focus("#recherche-q")  # a reader at the form: the text index loads now
    page.wait_for_selector("#recherche-form[data-complete='true']")


def result_codes(page):
    return page.eval_on_selector_all("#resultats > li[data-cnp]", "els => els.map(e => e.dataset.cnp)")


def result_titles(page):
    return page.eval_on_selector_all("#resultats .card-title a", "els => els.map(e => e.textContent)")


def type_query(page, text):
    page.get_by_label("Métier ou profession").fill(text)
    page.wait_for_function(
        "q => new URLSearchParams(location.search).get('q') === q.trim()", arg=text, timeout=5000
    )


def test_typing_a_job_title_shows_results_as_you_type(page, site_url):
    open_search(page, site_url)
    type_query(page, "préposée d'aide à domicile")
    titles = result_titles(page)
    assert titles[0] == "Préposé·e d'aide à domicile"
    assert "métiers trouvés" in page.locator("#compte").text_content()


def test_missing_accents_and_feminine_forms_find_the_profile(page, site_url):
    open_search(page, site_url)
    type_query(page, "educatrice petite enfance")
    assert "Éducatrice / éducateur à la petite enfance" in result_titles(page)[:3]
    type_query(page, "cuisiniere")
    assert "Cuisinier·ère" in result_titles(page)[:3]


def test_a_typo_still_finds_the_profile(page, site_url):
    open_search(page, site_url)
    type_query(page, "archivsite")
    assert result_titles(page)[0] == "Archiviste"


def test_prefix_while_typing(page, site_url):
    open_search(page, site_url)
    type_query(page, "thanato")
    assert result_titles(page)[0] == "Thanatopracteur·trice"


def test_titles_that_hold_the_words_come_before_other_titles(page, site_url):
    """« interv » completes « intervenant » in many titles and the rarer « intervention » in a
    comédien·ne's other title: the titles come first, however rare the other word."""
    open_search(page, site_url)
    type_query(page, "interv")
    titles = result_titles(page)
    in_title = [t.lower().startswith("interv") or " interv" in t.lower() for t in titles]
    assert any(in_title) and not all(in_title)
    assert in_title == sorted(in_title, reverse=True), titles


def test_synonym_finds_the_job(page, site_url):
    open_search(page, site_url)
    type_query(page, "garderie")
    assert "Éducatrice / éducateur à la petite enfance" in result_titles(page)


def test_noc_2021_code_lists_exactly_its_profiles(page, site_url):
    open_search(page, site_url, cnp="42202")
    codes = result_codes(page)
    assert codes and set(codes) == {"42202"}


def test_noc_2016_code_is_resolved_through_the_concordance(page, site_url):
    open_search(page, site_url, cnp="4212")
    codes = result_codes(page)
    assert codes and set(codes) == {"42201"}
    assert "CNP 2016 4212 → CNP 2021 42201" in page.locator("#compte").text_content()


def test_a_code_written_among_words_filters_by_that_code(page, site_url):
    open_search(page, site_url)
    type_query(page, "educatrice 4214")  # a NOC 2016 code, through the official concordance
    assert result_titles(page)[0] == "Éducatrice / éducateur à la petite enfance"
    assert set(result_codes(page)) == {"42202"}
    type_query(page, "chauffeur classe 1")  # a short number stays a word of the title
    assert "Camionneur·euse" in result_titles(page)[:3]


def show_all(page):
    """Press « Afficher N autres métiers » under the first list, if there is one."""
    button = page.locator("#resultats .voir-plus button")
    if button.count():
        button.click()
        button.wait_for(state="detached")


def test_a_long_list_shows_twenty_then_the_rest_on_demand(page, site_url):
    open_search(page, site_url)
    type_query(page, "intervenante")
    total = int(page.locator("#compte").text_content().split()[0])
    assert total > 20
    assert page.locator("#resultats > li[data-cnp]").count() == 20
    page.get_by_role("button", name=f"Afficher {total - 20} autres métiers").click()
    expect(page.locator("#resultats > li[data-cnp]")).to_have_count(total)
    # The keyboard reader goes on from the first card added.
    assert page.evaluate(
        "document.activeElement.closest('li') === document.querySelectorAll('#resultats > li')[20]"
    )


def test_code_prefix_lists_a_part_of_the_classification(page, site_url):
    open_search(page, site_url, cnp="422")
    show_all(page)
    codes = result_codes(page)
    assert {"42201", "42202", "42203"} <= set(codes)
    assert all(code.startswith("422") for code in codes)


def test_code_typed_in_the_text_field(page, site_url):
    open_search(page, site_url)
    type_query(page, "44101")
    assert set(result_codes(page)) == {"44101"}


def test_sector_only_and_combined_with_text(page, site_url):
    open_search(page, site_url, secteur="services-funeraires")
    funeral = result_titles(page)
    assert "Thanatopracteur·trice" in funeral and len(funeral) >= 6
    open_search(page, site_url, secteur="services-funeraires", q="directeur")
    combined = result_titles(page)
    assert combined and set(combined) < set(funeral)


@pytest.mark.parametrize("text", ['"', "+", "-", ":", "~", "^", "*", "'", 'cuisin* +"aide" ~2 ^3 :x -'])
def test_lunr_syntax_characters_never_raise(page, site_url, text):
    open_search(page, site_url)
    type_query(page, text)
    assert page.locator("#compte").is_visible()  # the page fixture fails the test on any JS error


def test_nothing_found_shows_suggestions(page, site_url):
    open_search(page, site_url)
    type_query(page, "astronaute")
    assert page.locator("#compte").text_content() == "Aucun métier trouvé"
    assert page.get_by_role("link", name="Parcourir les métiers de A à Z").count() >= 1


def test_a_misspelt_title_word_is_searched_as_the_nearest_one_and_said_so(page, site_url):
    # A typo on the first letter escapes the title parts (cut by first letter).
    open_search(page, site_url, q="vuisinier")
    expect(page.locator("#compte")).to_contain_text("« vuisinier »")
    expect(page.locator("#compte")).to_contain_text("« cuisinier »")
    assert result_titles(page)[0] == "Cuisinier·ère"
    assert page.get_by_label("Métier ou profession").input_value() == "vuisinier"  # the reader's words stay
    # Two words, one misspelt: the profiles holding both, not the closest partial matches.
    open_search(page, site_url, q="Aide vuisinier")
    expect(page.locator("#compte")).to_contain_text("« Aide cuisinier »")  # the rest as written
    assert result_titles(page)[0] == "Aide-cuisinier·ère"


def test_a_word_written_as_it_sounds_or_in_the_feminine_is_respelt(page, site_url):
    # « sicologue » is three letters from « psychologue » but sounds the same.
    open_search(page, site_url, q="sicologue")
    expect(page.locator("#compte")).to_contain_text("voici les résultats pour « psychologue »")
    assert result_titles(page)[0] == "Psychologue"
    # A misspelt feminine ending: the nearest word is the title word's feminine, said as such.
    open_search(page, site_url, q="animatrisse de loisirs")
    expect(page.locator("#compte")).to_contain_text("voici les résultats pour « animatrice de loisirs »")
    assert result_titles(page)[0] == "Animateur·trice de loisirs"


def test_a_word_one_letter_from_a_common_title_word_does_not_flood_the_list(page, site_url):
    open_search(page, site_url, q="argent")  # « agent » starts 58 titles
    assert not [t for t in result_titles(page) if t.startswith("Agent")]
    open_search(page, site_url, q="ferme")  # « femmes »
    assert "Conseiller·ère en égalité femmes-hommes en coopération internationale" not in result_titles(page)


def test_a_wrong_first_letter_is_the_only_typo_allowed(page, site_url):
    # « barista » is two letters from « cariste » (a warehouse title), one of them the first.
    open_search(page, site_url, q="barista")  # the text parts in: the respelling step has run
    assert page.locator("#compte").text_content() == "Aucun métier trouvé"


def test_a_word_the_text_knows_is_never_respelt(page, site_url):
    open_search(page, site_url, q="itinérance")
    assert page.locator("#resultats-texte li[data-cnp]").count() >= 1
    assert "résultats pour" not in page.locator("#compte").text_content()


def test_a_sector_the_menu_does_not_know_is_said_and_every_sector_searched(page, site_url):
    open_search(page, site_url, q="cuisinier", secteur="habitation")
    expect(page.locator("#compte")).to_contain_text(
        "Secteur « habitation » inconnu : recherche dans tous les secteurs."
    )
    assert page.get_by_label("Secteur d'activité").input_value() == ""  # « Tous les secteurs »
    assert result_titles(page)[0] == "Cuisinier·ère"
    page.get_by_label("Secteur d'activité").select_option("securite-alimentaire")  # the reader chooses one
    expect(page.locator("#compte")).not_to_contain_text("inconnu")
    open_search(page, site_url, secteur="habitation")
    expect(page.locator("#compte")).to_have_text("Secteur « habitation » inconnu.")


def test_url_round_trip(page, site_url):
    open_search(page, site_url)
    type_query(page, "benevoles")
    page.get_by_label("Secteur d'activité").select_option("action-benevole")
    page.wait_for_function("new URLSearchParams(location.search).get('secteur') === 'action-benevole'")
    shared = page.url
    titles = result_titles(page)
    other = page.context.new_page()
    other.goto(shared)
    other.focus("#recherche-q")  # a reader at the form: the text index loads now
    other.wait_for_selector("#recherche-form[data-complete='true']")
    assert other.get_by_label("Métier ou profession").input_value() == "benevoles"
    assert result_titles(other) == titles


def test_first_results_come_from_the_titles_before_the_text(page, site_url):
    page.route("**/recherche/textes-*.json", lambda route: None)  # hold the text back
    page.goto(f"{site_url}/recherche/?q=archiviste")
    page.wait_for_selector("#resultats li[data-cnp]")
    assert result_titles(page)[0] == "Archiviste"
    assert page.locator("#recherche-form").get_attribute("data-complete") is None


def test_a_query_fetches_only_the_parts_of_its_words(page, site_url):
    fetched = []
    page.on("request", lambda request: fetched.append(request.url.rsplit("/", 1)[-1]))
    page.goto(f"{site_url}/recherche/?q=aide+cuisinier")
    page.wait_for_selector("#resultats li[data-cnp]")
    parts = sorted(name for name in fetched if name.startswith(("titres-", "textes-")))
    # « aide » may also name a synonym (their concepts have their own part, `_`).
    assert (
        {"titres-a.json", "titres-c.json"}
        <= set(parts)
        <= {"titres-a.json", "titres-c.json", "titres-_.json"}
    )
    # The title parts of a real-size site carry the records of the profiles they answer: the
    # first list needs no second round trip.
    assert not [name for name in fetched if name.startswith("fiches-")]


def test_a_first_list_is_drawn_from_the_packets_when_the_title_parts_carry_no_records(page, site_url):
    """Title parts of a large site (build.py CARRIED) leave the records in packets."""

    def without_records(route):
        part = route.fetch().json()
        part.pop("fiches", None)
        route.fulfill(json=part)

    page.route("**/recherche/titres-*.json", without_records)
    fetched = []
    page.on("request", lambda request: fetched.append(request.url.rsplit("/", 1)[-1]))
    page.goto(f"{site_url}/recherche/?q=archiviste")
    page.wait_for_selector("#resultats li[data-cnp]")
    assert result_titles(page)[0] == "Archiviste"
    assert [name for name in fetched if name.startswith("fiches-")]


def test_home_search_door_leads_to_results(page, site_url):
    page.goto(site_url + "/")
    page.get_by_role("link", name="Cherche un métier ou un code").click()
    page.get_by_label("Métier ou profession").fill("cuisinier")
    page.keyboard.press("Enter")
    page.focus("#recherche-q")  # a reader at the form: the text index loads now
    page.wait_for_selector("#recherche-form[data-complete='true']")
    assert "Cuisinier·ère" in result_titles(page)


def test_keyboard_user_reaches_the_first_result(page, site_url):
    open_search(page, site_url)
    type_query(page, "archiviste")
    for _ in range(30):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.closest('#resultats') !== null"):
            break
    assert page.evaluate("document.activeElement.textContent") == "Archiviste"
    page.keyboard.press("Enter")
    page.wait_for_url("**/metiers/archiviste/")


def test_every_word_counts(page, site_url):
    """Each word narrows the list: adding a word never adds a result to the first list."""
    open_search(page, site_url)
    type_query(page, "intervenante ")
    show_all(page)
    broad = result_titles(page)
    type_query(page, "intervenante communautaire ")
    show_all(page)
    narrow = result_titles(page)
    assert narrow and set(narrow) < set(broad)
    assert narrow[0] == "Intervenant·e communautaire"


def test_a_word_just_begun_counts_from_its_third_letter(page, site_url):
    """« intervenante co »: two letters would match thousands of words; the list stays the one of
    the words before until the third letter narrows it."""
    open_search(page, site_url)
    type_query(page, "intervenante ")
    show_all(page)
    before = result_titles(page)
    type_query(page, "intervenante co")
    show_all(page)
    assert result_titles(page) == before
    type_query(page, "intervenante com")
    show_all(page)
    narrowed = result_titles(page)
    assert narrowed and set(narrowed) < set(before)


def test_words_typed_before_the_search_script_runs_are_kept_and_searched(page, site_url):
    held = []
    page.route("**/recherche/moteur*.js", lambda route: held.append(route))
    page.goto(f"{site_url}/recherche/", wait_until="commit")
    for _ in range(250):  # until the page asks for the script (a condition, bounded)
        if held:
            break
        page.wait_for_timeout(20)
    page.get_by_label("Métier ou profession").fill("cuisinier")  # a quick reader, a slow network
    for route in held:
        route.continue_()
    page.wait_for_selector("#resultats li[data-cnp]")
    assert page.get_by_label("Métier ou profession").input_value() == "cuisinier"
    assert "Cuisinier·ère" in result_titles(page)


def test_first_results_never_reorder_when_the_text_index_arrives(page, site_url):
    held = []
    page.route("**/recherche/textes-*.json", lambda route: held.append(route))
    page.goto(f"{site_url}/recherche/?q=educatrice")
    page.wait_for_selector("#resultats li[data-cnp]")
    first = result_titles(page)
    page.focus("#recherche-q")  # a reader at the form: the text index loads now
    for _ in range(250):  # until the held request reaches the route (a condition, bounded)
        if held:
            break
        page.wait_for_timeout(20)
    for route in held:
        route.continue_()
    page.wait_for_selector("#recherche-form[data-complete='true']")
    assert result_titles(page) == first
    assert page.locator("#resultats-texte > li").count() > 0  # the text matches come below


def test_phrase_synonyms_match_as_phrases(page, site_url):
    open_search(page, site_url)
    type_query(page, "service de garde ")
    phrase = result_titles(page)
    assert "Éducateur·trice en service de garde scolaire" in phrase[:3]
    type_query(page, "garderie ")
    assert set(result_titles(page)) == set(phrase)  # two-way: the same jobs
    type_query(page, "service ")
    assert len(result_titles(page)) != len(phrase)


def test_a_code_lists_the_profile_that_represents_it_first(page, site_url):
    open_search(page, site_url, cnp="42202")
    assert result_titles(page)[0] == "Éducatrice / éducateur à la petite enfance"
    open_search(page, site_url, cnp="4214")
    assert result_titles(page)[0] == "Éducatrice / éducateur à la petite enfance"
    # Designated by its editors (cnp_principal), ahead of titles closer to the official one.
    open_search(page, site_url, cnp="42201")
    assert result_titles(page)[0] == "Intervenant·e communautaire"


def test_matched_words_are_highlighted_in_title_and_excerpt(page, site_url):
    open_search(page, site_url, q="cuisinier")
    first = page.locator("#resultats > li").first
    assert first.locator(".card-title mark").count() >= 1
    assert first.locator(".card-resume").count() == 1
    # Each word of a hyphenated title is marked alone.
    open_search(page, site_url, q="aide cuisinier")
    title = page.locator("#resultats > li").first.locator(".card-title")
    assert title.inner_text() == "Aide-cuisinier·ère"
    assert title.locator("mark").all_inner_texts() == ["Aide", "cuisinier·ère"]


def test_no_profile_with_every_word_shows_the_closest(page, site_url):
    open_search(page, site_url)
    type_query(page, "cuisinier astronaute ")
    assert (
        page.locator("#titre-resultats-texte").inner_text()
        == "Aucun métier ne contient tous ces mots ; voici les plus proches"
    )
    assert page.locator("#resultats-texte .card-title").first.inner_text() in (
        "Cuisinier·ère",
        "Aide-cuisinier·ère",
        "Chef cuisinier·ère",
    )


@pytest.mark.parametrize("text", ["constructor", "__proto__ toString", "hasOwnProperty", "x" * 10_000])
def test_any_text_is_safe_and_the_page_stays_responsive(page, site_url, text):
    open_search(page, site_url)
    page.get_by_label("Métier ou profession").fill(text)
    page.wait_for_function("q => new URLSearchParams(location.search).get('q') === q", arg=text[:200])
    type_query(page, "cuisinier")  # search still works afterwards
    assert "Cuisinier·ère" in result_titles(page)


def test_on_a_phone_the_first_result_is_visible_after_searching(browser, site_url):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    page = context.new_page()
    page.goto(f"{site_url}/recherche/")
    page.focus("#recherche-q")  # a reader at the form: the text index loads now
    page.wait_for_selector("#recherche-form[data-complete='true']")
    page.get_by_label("Métier ou profession").fill("archiviste")
    page.get_by_role("button", name="Chercher").click()
    first = page.locator("#resultats > li").first
    first.wait_for()
    box = first.bounding_box()
    assert box["y"] + 60 < 844 and box["y"] >= 0
    context.close()


def test_relevance_set(page, site_url):
    """The relevance set (tests/data/pertinence.yaml): every query has an expected profile in
    its top 5, and most have one first (figures: python bench/relevance.py)."""
    from bench.relevance import score, summary

    rows = score(page, site_url)
    assert [r["requete"] for r in rows if not r["hit5"]] == []
    assert summary(rows)["hit1"] >= 0.9


def test_inclusive_forms_typed_without_a_middle_dot_find_the_title(page, site_url):
    for written in (
        "intervenant(e) communautaire",
        "intervenant-e communautaire",
        "intervenant.e communautaire",
    ):
        open_search(page, site_url, q=written)
        assert result_titles(page)[0] == "Intervenant·e communautaire", written
    open_search(page, site_url, q="conseiller.ère en emploi")
    assert result_titles(page)[0] == "Conseiller·ère en emploi"


def test_browser_splits_words_as_the_index_does(page, site_url):
    from plugins.search_index import pipeline
    from plugins.search_index.tests.test_search_pipeline import INCLUSIVE_FORMS

    open_search(page, site_url)
    texts = list(INCLUSIVE_FORMS) + ["Préposé·e aux bénéficiaires d’un CHSLD", "c.-à-d. métier(s)"]
    assert page.evaluate("t => t.map(window.FaisLeSaut.split)", texts) == [pipeline.split(t) for t in texts]


def test_browser_normalization_matches_the_index(page, site_url):
    """Every word of every profile, normalized in the browser and in Python, gives the same
    terms: the index (built in Python) and the queries (made in the browser) meet."""
    from plugins.search_index import pipeline

    # The project's root from this file: `conftest` may name another test folder's conftest.
    root = Path(__file__).resolve().parents[2]
    words = sorted(
        {
            w
            for path in (root / "content" / "metiers").glob("*.md")
            for w in pipeline.split(path.read_text(encoding="utf-8"))
        }
    )
    open_search(page, site_url)
    assert page.evaluate("w => window.FaisLeSaut.normalize(w)", words) == [
        [pipeline.light(w), pipeline.stem(w)] for w in words
    ]
