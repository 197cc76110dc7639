"""Open data for partners: the profiles as JSON and CSV, and the JSON Schemas editors' tools use.

Files are written in a fixed order with fixed formatting so two builds give identical bytes.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

from plugins.content_model.build import Build
from plugins.content_model.model import SCHEMA_DIR, sort_key

FIELDS = (
    "title",
    "slug",
    "cnp",
    "cnp_2016",
    "secteurs",
    "appellations",
    "resume",
    "formation",
    "interets",
    "horaires",
    "milieu",
    "exigences",
    "url",
    "updated",
)
# A spreadsheet runs a cell that starts with one of these as a formula (OWASP: CSV injection).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
LIST_SEPARATOR = " | "


def record(metier, siteurl: str, formation=()) -> dict:
    return {
        "title": metier.title,
        "slug": metier.slug,
        "cnp": metier.cnp,
        "cnp_2016": list(getattr(metier, "cnp_2016", None) or []),
        "secteurs": list(metier.secteurs),
        "appellations": list(metier.appellations),
        "resume": metier.resume,
        "formation": [p.nom for _group, programmes in formation for p in programmes],
        "interets": list(getattr(metier, "interets", None) or []),
        "horaires": list(getattr(metier, "horaires", None) or []),
        "milieu": list(getattr(metier, "milieu", None) or []),
        "exigences": dict(getattr(metier, "exigences", None) or {}),
        "url": f"{siteurl}/{metier.url}",
        "updated": metier.updated,
    }


def records(metiers, siteurl: str, build=None) -> list[dict]:
    return [
        record(m, siteurl, build.formation_options(m.formation) if build else ())
        for m in sorted(metiers, key=lambda m: (sort_key(m.title), m.slug))
    ]


def to_json(rows: list[dict], sitename: str) -> str:
    payload = {
        "titre": f"{sitename} : fiches métiers de l'économie sociale et de l'action communautaire",
        "licence": "Codes CNP : adapté de Statistique Canada, CNP 2021 version 1.0",
        "schema": "/schema/metier.json",
        "nombre": len(rows),
        "metiers": rows,
    }
    return json.dumps(payload, ensure_ascii=False, indent=1, sort_keys=False) + "\n"


def to_csv(rows: list[dict]) -> str:
    """One row per profile; list fields joined with « | » (a character titles never contain)."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=FIELDS, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({key: cell(value) for key, value in row.items()})
    return buffer.getvalue()


def cell(value) -> str:
    """One CSV cell: lists joined, requirements as « key: value », and any text a spreadsheet
    would run as a formula made inert with a leading apostrophe (OWASP's advice)."""
    if isinstance(value, dict):
        value = LIST_SEPARATOR.join(
            f"{k}: {', '.join(map(str, v)) if isinstance(v, list) else v}" for k, v in value.items()
        )
    elif isinstance(value, list):
        value = LIST_SEPARATOR.join(map(str, value))
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_START) else text


def write_open_data(generator, writer):
    output = Path(generator.output_path)
    rows = records(generator.articles, generator.settings["SITEURL"], Build.of(generator.context))
    (output / "donnees").mkdir(parents=True, exist_ok=True)
    # utf-8-sig: spreadsheet software then opens the accents correctly.
    (output / "donnees" / "metiers.csv").write_text(to_csv(rows), encoding="utf-8-sig")
    (output / "donnees" / "metiers.json").write_text(
        to_json(rows, generator.settings["SITENAME"]), encoding="utf-8"
    )
    (output / "schema").mkdir(exist_ok=True)
    for schema in sorted(SCHEMA_DIR.glob("*.json")):
        shutil.copyfile(schema, output / "schema" / schema.name)
