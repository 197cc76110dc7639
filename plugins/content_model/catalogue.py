"""The training catalogue (content/formations.yaml): each program once, referred to by id.

Levels are grouped for readers from the most accessible to the most advanced; the profile page
shows the options of a group as alternatives, never as numbered steps.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import jsonschema
import yaml

from .frontmatter import _anchors_and_aliases, _french, _walk
from .model import Problem, schema

# libyaml's parser when present (the programs file is the largest YAML read at every build).
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

CATALOGUE_FILE = "formations.yaml"
# Reading order of the levels, and the group each belongs to on a profile page.
LEVEL_GROUPS = (
    ("Sans diplôme particulier", ("Formation en emploi", "PAMT", "Formation courte", "DES")),
    ("Formation professionnelle", ("AEP", "DEP", "ASP")),
    ("Collégial", ("AEC", "DEC")),
    (
        "Universitaire",
        ("Certificat", "Microprogramme", "Programme court", "Baccalauréat", "DESS", "Maîtrise", "Doctorat"),
    ),
)
LEVEL_ORDER = {
    level: rank for rank, level in enumerate(level for _, levels in LEVEL_GROUPS for level in levels)
}
GROUP_OF = {level: group for group, levels in LEVEL_GROUPS for level in levels}
# Where to read about recognition of prior learning (RAC), offered for the programs flagged rac.
RAC_INFO = "reconnaissance des acquis et des compétences (RAC)"


@dataclass(frozen=True)
class Programme:
    id: str
    niveau: str
    nom: str
    code: str | None = None
    page: str | None = None
    page_titre: str | None = None
    prealables: str | None = None
    rac: bool = False

    @property
    def groupe(self) -> str:
        return GROUP_OF[self.niveau]


def load(path: Path) -> tuple[dict[str, Programme], list[Problem]]:
    """{id: program} and every problem of the file (strict YAML, schema, unique ids)."""
    rel = f"content/{CATALOGUE_FILE}"
    if not path.is_file():
        return {}, [Problem(rel, "fichier", "référentiel des formations introuvable")]
    try:
        source = path.read_text(encoding="utf-8")
        issues = _anchors_and_aliases(source)
        loader = _Loader(source)
        try:
            node = loader.get_single_node()
            lines: dict[str, int] = {}
            _walk(node, "", lines, issues)
            data = loader.construct_document(node) if node is not None and not issues else []
        finally:
            loader.dispose()
    except (OSError, UnicodeDecodeError):
        return {}, [Problem(rel, "fichier", "illisible : enregistrer en UTF-8")]
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark
        return {}, [
            Problem(
                rel,
                "YAML",
                f"YAML invalide : {_french(error.problem or '')}",
                line=mark.line + 1 if mark else None,
            )
        ]
    problems = [
        Problem(rel, issue.field, issue.message, line=issue.line and issue.line - 1) for issue in issues
    ]
    validator = jsonschema.Draft202012Validator(schema("formations"))
    for error in validator.iter_errors(data):
        field = ".".join(str(p) for p in error.absolute_path) or "formations"
        value = None if isinstance(error.instance, dict | list) else str(error.instance)
        line = lines.get(field) or lines.get(field.rpartition(".")[0])
        problems.append(Problem(rel, field, f"valeur invalide ({error.validator})", value, line and line - 1))
    if problems:
        return {}, problems
    programmes: dict[str, Programme] = {}
    for index, entry in enumerate(data):
        if entry["id"] in programmes:
            problems.append(
                Problem(rel, f"{index}.id", "id en double", entry["id"], (lines.get(f"{index}.id") or 1) - 1)
            )
        programmes[entry["id"]] = Programme(**entry)
    return programmes, problems


def options(ids: list[str], programmes: dict[str, Programme]) -> list[tuple[str, list[Programme]]]:
    """A profile's programs grouped by level group, most accessible first (alternatives)."""
    chosen = sorted(
        (programmes[i] for i in ids if i in programmes), key=lambda p: (LEVEL_ORDER[p.niveau], p.nom)
    )
    return [
        (group, [p for p in chosen if p.groupe == group])
        for group, _ in LEVEL_GROUPS
        if any(p.groupe == group for p in chosen)
    ]
