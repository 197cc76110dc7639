"""Validate every content file against the schema and the cross-file rules, collecting ALL problems."""

from __future__ import annotations

import difflib
import re
from collections import defaultdict
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path

import jsonschema

from .frontmatter import Document, FrontMatterError, parse, remember
from .memo import Memo, text_key
from .model import IMAGES_DIR, METIERS_DIR, SECTEURS_DIR, SECTIONS, SLUG, Problem, schema, slugify
from .noc import UNIT_GROUP, UnitGroup

LINK = re.compile(r"\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
HEADING = re.compile(r"^##\s+(.+?)\s*#*\s*$")
# Pages the site always has besides profiles and sectors.
STATIC_PAGES = {"/", "/metiers/", "/secteurs/", "/cnp/", "/recherche/", "/a-propos/"}
SAFE_SCHEMES = ("http://", "https://", "mailto:", "tel:", "#")

_MESSAGES = {
    "required": "champ obligatoire manquant",
    "additionalProperties": "champ inconnu (vérifier l'orthographe)",
    "type": "type invalide",
    "pattern": "format invalide",
    "minLength": "texte trop court",
    "maxLength": "texte trop long",
    "minItems": "liste trop courte",
    "maxItems": "liste trop longue",
    "uniqueItems": "la liste contient des doublons",
    "enum": "valeur non permise",
    "format": "date invalide (AAAA-MM-JJ)",
}
_EXPECTED = {
    "cnp": 'un code CNP 2021 de 5 chiffres entre guillemets, ex. "42201"',
    "cnp_2016": "des codes CNP 2016 de 4 chiffres entre guillemets",
    "secteurs": "des slugs de secteur en minuscules",
    "related": "des slugs de fiches en minuscules",
    "updated": "une date AAAA-MM-JJ",
}


@dataclass
class Entry:
    path: Path
    rel: str
    slug: str
    doc: Document
    key: str = ""  # hash of the file's text (memo key)


def _items(value) -> list:
    """The items of a list field; anything else was already reported by the schema."""
    return value if isinstance(value, list) else []


def _suggest(value: str, choices) -> str:
    close = difflib.get_close_matches(value, list(choices), n=1, cutoff=0.6)
    return f" ; vouliez-vous dire « {close[0]} » ?" if close else ""


@cache
def _validator(kind: str) -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(
        schema(kind), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )


def _schema_problems(entry: Entry, kind: str, memo: Memo) -> list[Problem]:
    found = memo.get(f"schema-{kind}", entry.key, lambda: _check_schema(entry, kind))
    return [replace(problem, file=entry.rel) for problem in found]


def _check_schema(entry: Entry, kind: str) -> list[Problem]:
    problems = []
    validator = _validator(kind)
    for error in sorted(validator.iter_errors(entry.doc.data), key=lambda e: [str(p) for p in e.path]):
        path = [str(p) for p in error.absolute_path]
        if error.validator == "required":
            missing = re.findall(r"'([^']+)'", error.message)[:1] or ["?"]
            path, value = path + missing, None
        elif error.validator == "additionalProperties":
            extra = re.findall(r"'([^']+)'", error.message)
            path, value = path + extra[:1], None
        else:
            value = error.instance if not isinstance(error.instance, (dict, list)) else None
        field = ".".join(path) or "front matter"
        message = _MESSAGES.get(error.validator, error.message)
        if error.validator in ("pattern", "type") and path and path[0] in _EXPECTED:
            message += f" : attendu {_EXPECTED[path[0]]}"
        if error.validator == "enum":
            message += " : choisir parmi " + ", ".join(error.validator_value)
        line = entry.doc.lines.get(path[0]) if path else None
        problems.append(Problem(entry.rel, field, message, None if value is None else str(value), line))
    return problems


def _read(paths: list[Path], root: Path, memo: Memo) -> tuple[list[Entry], list[Problem]]:
    entries, problems = [], []
    for path in paths:
        rel = path.relative_to(root.parent).as_posix()
        try:
            text = path.read_text(encoding="utf-8")
            key = text_key(text)
            doc = memo.get("parse", key, lambda text=text: parse(text))
            remember(text, doc)  # the Pelican reader will not parse it again
        except UnicodeDecodeError:
            problems.append(Problem(rel, "fichier", "encodage invalide : enregistrer en UTF-8"))
            continue
        except FrontMatterError as error:
            problems.append(Problem(rel, "front matter", str(error), line=error.line))
            continue
        entries.append(Entry(path, rel, path.stem, doc, key))
    return entries, problems


def _slug_problems(entries: list[Entry]) -> list[Problem]:
    problems, seen = [], defaultdict(list)
    for entry in entries:
        seen[entry.slug].append(entry.rel)
        if not SLUG.match(entry.slug):
            problems.append(
                Problem(
                    entry.rel,
                    "slug (nom du fichier)",
                    "minuscules, chiffres et traits d'union seulement",
                    entry.slug,
                )
            )
    for slug, files in seen.items():
        for rel in files[1:]:
            problems.append(
                Problem(rel, "slug (nom du fichier)", f"slug en double, déjà utilisé par {files[0]}", slug)
            )
    return problems


def _body_problems(entry: Entry, known_urls: set[str], sections: tuple[str, ...]) -> list[Problem]:
    problems = []
    headings = []
    for offset, line in enumerate(entry.doc.body.split("\n")):
        number = entry.doc.body_line + offset
        match = HEADING.match(line)
        if match:
            headings.append((match.group(1), number))
        if "<script" in line.lower():
            problems.append(Problem(entry.rel, "corps", "le HTML <script> est interdit", line=number))
        for target in LINK.findall(line):
            problem = _link_problem(target, known_urls)
            if problem:
                problems.append(Problem(entry.rel, "corps (lien)", problem, target, number))
    names = [h for h, _ in headings]
    for section in sections:
        if section not in names:
            problems.append(Problem(entry.rel, "corps", f"section « ## {section} » manquante"))
    present = [h for h in names if h in sections]
    if present != [s for s in sections if s in present]:
        problems.append(Problem(entry.rel, "corps", "sections dans le désordre : " + " / ".join(sections)))
    return problems


def _link_problem(target: str, known_urls: set[str]) -> str | None:
    lowered = target.lower()
    if lowered.startswith(SAFE_SCHEMES):
        return None
    if ":" in lowered.split("/")[0]:
        return "lien non permis (seuls http, https, mailto et tel)"
    if target.startswith("{filename}"):
        target = "/" + target.removeprefix("{filename}").lstrip("/")
        slug = Path(target).stem
        folder = Path(target).parent.name
        target = f"/{folder}/{slug}/"
    if not target.startswith("/"):
        return "lien interne relatif : écrire /metiers/<slug>/ ou /secteurs/<slug>/"
    path = target.split("#")[0].split("?")[0]
    if path.endswith(".html"):
        return "les liens internes ne finissent pas par .html"
    if path not in known_urls:
        return "lien interne brisé : page inexistante" + _suggest(path, known_urls)
    return None


def validate_content(
    content: Path, noc: dict[str, UnitGroup] | None = None, memo: Memo | None = None
) -> list[Problem]:
    """Every problem in content/metiers and content/secteurs, sorted by file.

    `memo` keeps each file's parse and schema check between runs (see memo.py)."""
    content = Path(content)
    memo = memo if memo is not None else Memo()
    metier_paths = sorted((content / METIERS_DIR).rglob("*.md"))
    secteur_paths = sorted((content / SECTEURS_DIR).rglob("*.md"))
    metiers, problems = _read(metier_paths, content, memo)
    secteurs, more = _read(secteur_paths, content, memo)
    problems += more + _slug_problems(metiers) + _slug_problems(secteurs)

    sector_slugs = {s.slug for s in secteurs}
    metier_slugs = {m.slug for m in metiers}
    known_urls = (
        STATIC_PAGES
        | {f"/metiers/{s}/" for s in metier_slugs}
        | {f"/secteurs/{s}/" for s in sector_slugs}
        | {f"/cnp/{m.doc.data.get('cnp')}/" for m in metiers}
    )

    for entry in secteurs:
        problems += _schema_problems(entry, "secteur", memo)
        title = entry.doc.data.get("title")
        if isinstance(title, str) and slugify(title) != entry.slug:
            problems.append(
                Problem(
                    entry.rel,
                    "title",
                    f"le nom du fichier doit être « {slugify(title)}.md »",
                    title,
                    entry.doc.lines.get("title"),
                )
            )
        problems += _body_problems(entry, known_urls, ())

    for entry in metiers:
        data, lines = entry.doc.data, entry.doc.lines
        problems += _schema_problems(entry, "metier", memo)
        for sector in _items(data.get("secteurs")):
            if isinstance(sector, str) and sector not in sector_slugs:
                problems.append(
                    Problem(
                        entry.rel,
                        "secteurs",
                        "secteur inconnu" + _suggest(sector, sector_slugs),
                        sector,
                        lines.get("secteurs"),
                    )
                )
        for other in _items(data.get("related")):
            if not isinstance(other, str):
                continue
            if other == entry.slug:
                problems.append(
                    Problem(
                        entry.rel,
                        "related",
                        "une fiche ne peut pas se citer elle-même",
                        other,
                        lines.get("related"),
                    )
                )
            elif other not in metier_slugs:
                problems.append(
                    Problem(
                        entry.rel,
                        "related",
                        "fiche inconnue" + _suggest(other, metier_slugs),
                        other,
                        lines.get("related"),
                    )
                )
        code = data.get("cnp")
        if noc is not None and isinstance(code, str) and UNIT_GROUP.match(code) and code not in noc:
            problems.append(
                Problem(entry.rel, "cnp", "ce code n'existe pas dans la CNP 2021", code, lines.get("cnp"))
            )
        problems += _body_problems(entry, known_urls, SECTIONS)
    problems += _image_problems(content, metiers)
    memo.save()
    return sorted(problems, key=lambda p: (p.file, p.line or 0, p.field, p.message))


def _image_problems(content: Path, metiers: list[Entry]) -> list[Problem]:
    """Every illustration exists, and every image in content/images/ is used by a profile."""
    folder = content / IMAGES_DIR
    used = {}
    for entry in metiers:
        name = entry.doc.data.get("illustration")
        if isinstance(name, str):
            used[name] = entry
    problems = [
        Problem(
            entry.rel,
            "illustration",
            f"image introuvable dans {IMAGES_DIR}/",
            name,
            entry.doc.lines.get("illustration"),
        )
        for name, entry in used.items()
        if not (folder / name).is_file()
    ]
    if folder.is_dir():
        problems += [
            Problem(
                path.relative_to(content.parent).as_posix(),
                "image",
                "image orpheline : aucune fiche ne l'utilise",
            )
            for path in sorted(folder.iterdir())
            if path.is_file() and path.name not in used
        ]
    return problems


def report(problems: list[Problem]) -> str:
    count = len(problems)
    head = f"{count} problème{'s' if count > 1 else ''} dans le contenu :"
    return "\n".join([head, *(f"  {p}" for p in problems)])
