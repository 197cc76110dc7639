"""The JSON-LD of built pages: one fixture build, with hostile text in a profile's body."""

import json
import re
import shutil
from pathlib import Path

import pytest

# Text the rules accept that a careless JSON-in-HTML writer would break on (quotes, backslash,
# ampersand, line separator); "</script" itself is refused by the rules and tested on script_json.
HOSTILE = 'fin « guillemets » & "citation" \\ barre \u2028 ligne'


FIXTURES = Path(__file__).resolve().parents[3] / "tests" / "fixtures"


@pytest.fixture(scope="module")
def site(tmp_path_factory, noc_csv, build_site):
    root = tmp_path_factory.mktemp("structured-data")
    shutil.copytree(FIXTURES / "valid", root / "content")
    profile = root / "content" / "metiers" / "cuisinier.md"
    text = profile.read_text(encoding="utf-8")
    profile.write_text(
        text.replace("- Chez cuisinier 0, la tâche", f"- Tâche un {HOSTILE} la tâche", 1), encoding="utf-8"
    )
    result = build_site(root / "content", root / "output", noc_csv)
    assert result.returncode == 0, result.stderr
    return root / "output"


def scripts(html: str) -> list[dict]:
    # What a browser does: a script element ends at the first "</script".
    return [
        json.loads(s) for s in re.findall(r'<script type="application/ld\+json">(.*?)</script', html, re.S)
    ]


def test_profile_json_ld_survives_script_tags_in_the_content(site):
    html = (site / "metiers/cuisinier/index.html").read_text(encoding="utf-8")
    data = {d["@type"]: d for d in scripts(html)}
    assert set(data) == {"Occupation", "BreadcrumbList"}
    assert data["Occupation"]["responsibilities"][0].startswith(
        'Tâche un fin « guillemets » & "citation" \\ barre'
    )
    assert data["Occupation"]["occupationalCategory"]["codeValue"] == "63200"
    assert data["BreadcrumbList"]["itemListElement"][-1]["item"].endswith("/metiers/cuisinier/")


def test_every_page_with_a_breadcrumb_has_its_json_ld(site):
    for page in ["metiers/index.html", "secteurs/petite-enfance/index.html", "cnp/63200/index.html"]:
        types = [d["@type"] for d in scripts((site / page).read_text(encoding="utf-8"))]
        assert types == ["BreadcrumbList"], page
    assert [d["@type"] for d in scripts((site / "index.html").read_text(encoding="utf-8"))] == ["WebSite"]
