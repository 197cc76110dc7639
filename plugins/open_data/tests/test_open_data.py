import csv
import io
import json
from types import SimpleNamespace as Obj

from plugins.open_data.publish import records, to_csv, to_json

METIERS = [
    Obj(
        title="Éducatrice",
        slug="educatrice",
        cnp="42202",
        cnp_2016=["4214"],
        secteurs=["petite-enfance"],
        appellations=["éducateur", "éducatrice en CPE"],
        resume="Accompagne les tout-petits.",
        url="metiers/educatrice/",
        updated="2026-11-20",
    ),
    Obj(
        title="Cuisinier, cuisinière",
        slug="cuisinier",
        cnp="63200",
        cnp_2016=[],
        secteurs=["a", "b"],
        appellations=["chef"],
        resume='Cuisine "maison".',
        url="metiers/cuisinier/",
        updated="2026-11-21",
    ),
]


def test_records_are_alphabetical_with_absolute_urls():
    rows = records(METIERS, "https://exemple.qc.ca")
    assert [r["slug"] for r in rows] == ["cuisinier", "educatrice"]
    assert rows[1]["url"] == "https://exemple.qc.ca/metiers/educatrice/"


def test_csv_round_trips_commas_quotes_and_lists():
    rows = records(METIERS, "")
    parsed = list(csv.DictReader(io.StringIO(to_csv(rows))))
    assert parsed[0]["title"] == "Cuisinier, cuisinière" and parsed[0]["resume"] == 'Cuisine "maison".'
    assert parsed[0]["secteurs"].split(" | ") == ["a", "b"] and parsed[0]["cnp_2016"] == ""
    assert parsed[1]["appellations"] == "éducateur | éducatrice en CPE"


def test_json_keeps_lists_and_counts():
    data = json.loads(to_json(records(METIERS, ""), "Fais le saut"))
    assert data["nombre"] == 2 and data["metiers"][1]["cnp_2016"] == ["4214"]


def test_csv_cells_never_run_as_spreadsheet_formulas():
    hostile = Obj(
        **{
            **vars(METIERS[1]),
            "title": '=HYPERLINK("http://x")',
            "resume": "@SUM(1)",
            "appellations": ["+1", "-2"],
        }
    )
    rows = list(csv.DictReader(io.StringIO(to_csv(records([hostile], "https://s")))))
    assert rows[0]["title"].startswith("'=") and rows[0]["resume"].startswith("'@")
    assert rows[0]["appellations"] == "'+1 | -2"
