"""WCAG 2.1 AA across the site: axe-core finds nothing; keyboard focus, headings, language, reflow."""

from __future__ import annotations

import pytest

from conftest import ROOT, SAMPLE_PROFILES

pytestmark = pytest.mark.browser

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
# WCAG 2.0/2.1 A and AA rules, plus axe's best practices (heading order, landmarks, one h1).
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
PAGES = [
    "/",
    "/recherche/",
    "/recherche/?q=cuisinier",
    "/recherche/?cnp=42201",
    "/metiers/",
    "/secteurs/",
    "/secteurs/petite-enfance/",
    "/cnp/",
    "/cnp/42201/",
    "/a-propos/",
    "/404.html",
    "/trouve-ton-metier/",
    "/trouve-ton-metier/?types=social,artistique",
    "/interets/social/",
    "/metiers/?niveau=collegial&interet=social",
    "/pourquoi-l-esac/",
    "/plan-du-site/",
    "/ma-selection/?fiches=cuisinier,gestionnaire-de-benevoles",
    *(f"/metiers/{slug}/" for slug in SAMPLE_PROFILES),
]


def settle(page) -> None:
    """The page as a reader sees it: loaded, its scripts run (quiz, filters and selection draw on
    load), and on the search page the first results shown — a condition, not a fixed wait."""
    page.wait_for_load_state("load")
    if page.locator("#recherche-form").count():
        page.wait_for_selector("#recherche-form[data-ready='true']")


def axe_violations(page) -> list[str]:
    if not AXE.exists():
        pytest.fail("axe-core is missing: run `invoke npm` (npm ci) first")
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        AXE_TAGS,
    )
    return [
        f"{v['id']} ({v['impact']}): {v['help']} → {[n['target'] for n in v['nodes']][:5]}"
        for v in result["violations"]
    ]


@pytest.mark.parametrize("path", PAGES)
def test_axe_finds_no_violation(page, site_url, path):
    page.goto(site_url + path)
    settle(page)
    assert axe_violations(page) == []


@pytest.mark.parametrize("path", ["/metiers/cuisinier/", "/recherche/?q=cuisinier"])
def test_axe_finds_no_violation_on_a_phone(browser, site_url, path):
    context = browser.new_context(locale="fr-CA", viewport={"width": 375, "height": 740}, is_mobile=True)
    page = context.new_page()
    page.goto(site_url + path)
    settle(page)
    violations = axe_violations(page)
    context.close()
    assert violations == []


@pytest.mark.parametrize("path", PAGES)
def test_language_is_quebec_french_and_headings_never_skip_a_level(page, site_url, path):
    page.goto(site_url + path)
    settle(page)
    assert page.locator("html").get_attribute("lang") == "fr-CA"
    levels = page.locator("main h1, main h2, main h3, main h4, main h5, main h6").evaluate_all(
        "hs => hs.filter(h => h.offsetParent !== null).map(h => Number(h.tagName[1]))"
    )
    assert levels[:1] == [1] and levels.count(1) == 1, levels
    assert all(after - before <= 1 for before, after in zip(levels, levels[1:], strict=False)), levels


def test_keyboard_focus_is_always_visible(page, site_url):
    """Tab through the start of a profile: every focused element draws a clear outline."""
    page.goto(f"{site_url}/metiers/cuisinier/")
    seen = []
    for _ in range(25):
        page.keyboard.press("Tab")
        focus = page.evaluate(
            """() => { const e = document.activeElement, s = getComputedStyle(e);
                return {name: (e.textContent || e.value || e.tagName).trim().slice(0, 40),
                        outline: s.outlineStyle, width: parseFloat(s.outlineWidth)}; }"""
        )
        seen.append(focus["name"])
        assert focus["outline"] != "none" and focus["width"] >= 2, focus
    assert "Copier le lien de la fiche" in seen  # the share buttons are reachable by keyboard


@pytest.mark.parametrize("path", ["/", "/recherche/?q=cuisinier", "/metiers/cuisinier/", "/cnp/"])
def test_pages_reflow_at_320_pixels_without_sideways_scrolling(browser, site_url, path):
    """WCAG 1.4.10: at 400 % zoom (320 CSS pixels) nothing needs horizontal scrolling."""
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    page.goto(site_url + path)
    settle(page)
    width = page.evaluate("document.documentElement.scrollWidth")
    context.close()
    assert width <= 320
