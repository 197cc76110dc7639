"""Page weight budget, measured in Chromium over HTTP: bytes, never time."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from conftest import SAMPLE_PROFILES as PROFILES

pytestmark = pytest.mark.browser

BUDGET = 60 * 1024  # a profile page, everything but images, as transferred (headers included)


def load(page, url: str) -> list:
    requests = []
    page.on("requestfinished", lambda request: requests.append(request))
    page.goto(url)
    page.wait_for_load_state("networkidle")
    return requests


@pytest.mark.parametrize("slug", PROFILES)
def test_profile_page_weighs_less_than_60_kb_without_images(page, site_url, slug):
    requests = load(page, f"{site_url}/metiers/{slug}/")
    weights = {
        r.url.removeprefix(site_url): (s := r.sizes())["responseBodySize"] + s["responseHeadersSize"]
        for r in requests
        if r.resource_type != "image"
    }
    assert f"/metiers/{slug}/" in weights and "/theme/css/main.css" in weights
    assert sum(weights.values()) < BUDGET, weights


@pytest.mark.parametrize(
    "path", ["/", "/recherche/?q=cuisinier", "/metiers/cuisinier/", "/secteurs/petite-enfance/"]
)
def test_nothing_is_loaded_from_another_site_and_no_script_blocks_rendering(page, site_url, path):
    requests = load(page, site_url + path)
    assert {urlsplit(r.url).netloc for r in requests} == {urlsplit(site_url).netloc}
    blocking = page.locator(
        "head script[src]:not([defer]):not([async]):not([type=module]), "
        "head link[rel=stylesheet]:not([media=print])"
    ).evaluate_all("els => els.map(e => e.src || e.href)")
    assert all(url.startswith(site_url + "/theme/") for url in blocking), blocking
