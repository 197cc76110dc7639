"""Open data for partners: the profiles as JSON and CSV, and the JSON Schemas editors' tools use.

Files are written in a fixed order with fixed formatting so two builds give identical bytes.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

from plugins.content_model.model import SCHEMA_DIR, sort_key

FIELDS = ("title", "slug", "cnp", "cnp_2016", "secteurs", "appellations", "resume", "url", "updated")
LIST_SEPARATOR = " | "


def record(metier, siteurl: str) -> dict:
    return {
        "title": metier.title,
        "slug": metier.slug,
        "cnp": metier.cnp,
        "cnp_2016": list(getattr(metier, "cnp_2016", None) or []),
        "secteurs": list(metier.secteurs),
        "appellations": list(metier.appellations),
        "resume": metier.resume,
        "url": f"{siteurl}/{metier.url}",
        "updated": metier.updated,
    }


def records(metiers, siteurl: str) -> list[dict]:
    return [record(m, siteurl) for m in sorted(metiers, key=lambda m: (sort_key(m.title), m.slug))]


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
        writer.writerow({k: LIST_SEPARATOR.join(v) if isinstance(v, list) else v for k, v in row.items()})
    return buffer.getvalue()


def write_open_data(generator, writer):
    output = Path(generator.output_path)
    rows = records(generator.articles, generator.settings["SITEURL"])
    (output / "donnees").mkdir(parents=True, exist_ok=True)
    # utf-8-sig: spreadsheet software then opens the accents correctly.
    (output / "donnees" / "metiers.csv").write_text(to_csv(rows), encoding="utf-8-sig")
    (output / "donnees" / "metiers.json").write_text(
        to_json(rows, generator.settings["SITENAME"]), encoding="utf-8"
    )
    (output / "schema").mkdir(exist_ok=True)
    for schema in sorted(SCHEMA_DIR.glob("*.json")):
        shutil.copyfile(schema, output / "schema" / schema.name)
