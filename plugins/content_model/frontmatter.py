"""Split a content file into its YAML front matter and Markdown body, strictly, with line numbers.

Strict because editors write it by hand and the result is published: anchors and aliases (which
let 600 bytes expand into gigabytes) and duplicate keys (where the last one silently wins) are
errors, and every error is said in French with its line and column.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import yaml

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Strict(_Loader):
    """Safe YAML (libyaml's parser when present) that keeps dates as written: the schema then
    reports a bad date by field."""


_Strict.yaml_implicit_resolvers = {
    key: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}

# PyYAML's messages, in the words of an editor (matched on the start of the parser's message).
_YAML_MESSAGES = (
    (
        "mapping values are not allowed",
        "deux-points inattendu : mettre la valeur entre guillemets si elle contient « : »",
    ),
    ("could not find expected ':'", "deux-points manquant après le nom du champ (ou guillemet non fermé)"),
    ("found character '\\t'", "tabulation interdite : indenter avec des espaces"),
    (
        "found character that cannot start any token",
        "caractère inattendu en début de valeur : mettre la valeur entre guillemets",
    ),
    ("expected <block end>", "indentation incohérente : aligner les éléments de la liste ou du champ"),
    ("did not find expected key", "indentation incohérente ou tiret de liste mal placé"),
    (
        "did not find expected '-' indicator",
        "élément de liste mal aligné : chaque élément commence par « - » au même retrait",
    ),
    ("found unexpected end of stream", "fin du front matter inattendue : guillemet ou crochet non fermé"),
    (
        "did not find expected ',' or ']'",
        "liste entre crochets mal fermée : séparer par des virgules et fermer par « ] »",
    ),
    ("did not find expected ',' or '}'", "accolades mal fermées"),
    ("found unknown escape character", "barre oblique inverse inattendue entre guillemets doubles"),
    ("found undefined alias", "les alias YAML (*nom) ne sont pas permis"),
    ("found duplicate anchor", "les ancres YAML (&nom) ne sont pas permises"),
    ("found unexpected ':'", "deux-points inattendu : mettre la valeur entre guillemets"),
    ("expected a comment or a line break", "texte inattendu après une valeur entre guillemets"),
    ("found a tab character", "tabulation interdite : indenter avec des espaces"),
    ("found unacceptable character", "caractère invisible ou de contrôle interdit"),
    ("control characters are not allowed", "caractère de contrôle interdit"),
    ("could not determine a constructor", "étiquette YAML (!…) non permise"),
)


def _french(problem: str) -> str:
    for start, french in _YAML_MESSAGES:
        if problem.startswith(start):
            return french
    return "syntaxe YAML invalide"


@dataclass(frozen=True)
class Issue:
    """One problem in the front matter: `field` is the key path ("secteurs.1") when known."""

    message: str
    line: int | None = None
    field: str = "front matter"
    value: str | None = None


class FrontMatterError(ValueError):
    """The front matter cannot be read; `issues` says every reason found, with lines."""

    def __init__(self, issues: list[Issue]):
        super().__init__("; ".join(issue.message for issue in issues))
        self.issues = issues

    @property
    def line(self) -> int | None:
        return self.issues[0].line


@dataclass
class Document:
    data: dict
    body: str
    body_line: int  # line number (1-based) of the body's first line in the file
    lines: dict[str, int] = field(default_factory=dict)  # "secteurs", "secteurs.1", … -> line


def split(text: str) -> tuple[str, str, int]:
    """(front matter source, body, line of the body) of a file; raises FrontMatterError."""
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        raise FrontMatterError(
            [Issue("le fichier doit commencer par une ligne « --- » (front matter YAML)", 1)]
        )
    end = next((i for i in range(1, len(lines)) if lines[i].strip() in ("---", "...")), None)
    if end is None:
        raise FrontMatterError([Issue("front matter non fermé : ligne « --- » de fin introuvable", 1)])
    return "\n".join(lines[1:end]), "\n".join(lines[end + 1 :]), end + 2


def _line(mark) -> int:
    return mark.line + 2  # the front matter starts on the file's second line


def _anchors_and_aliases(source: str) -> list[Issue]:
    """Anchors and aliases, found in the event stream before anything is composed or expanded."""
    issues = []
    for event in yaml.parse(source, Loader=_Strict):
        if isinstance(event, yaml.AliasEvent):
            issues.append(
                Issue(
                    f"les alias YAML (*{event.anchor}) ne sont pas permis : écrire la valeur",
                    _line(event.start_mark),
                )
            )
        elif getattr(event, "anchor", None):
            issues.append(
                Issue(f"les ancres YAML (&{event.anchor}) ne sont pas permises", _line(event.start_mark))
            )
    return issues


def _walk(node, path: str, lines: dict[str, int], issues: list[Issue]) -> None:
    """Line of every key and list item; duplicate and non-text keys reported."""
    if isinstance(node, yaml.MappingNode):
        seen: dict[str, int] = {}
        for key, value in node.value:
            if not isinstance(key, yaml.ScalarNode):
                issues.append(Issue("clé non textuelle", _line(key.start_mark), path or "front matter"))
                continue
            name = f"{path}.{key.value}" if path else str(key.value)
            line = _line(key.start_mark)
            if key.value in seen:
                issues.append(Issue(f"champ en double (déjà à la ligne {seen[key.value]})", line, name))
                continue
            seen[key.value] = line
            lines[name] = line
            _walk(value, name, lines, issues)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            name = f"{path}.{index}"
            lines[name] = _line(item.start_mark)
            _walk(item, name, lines, issues)


def parse(text: str) -> Document:
    """The file's front matter (checked strictly) and body; raises FrontMatterError."""
    source, body, body_line = split(text)
    try:
        issues = _anchors_and_aliases(source)
        if issues:
            raise FrontMatterError(issues)
        loader = _Strict(source)
        try:
            node = loader.get_single_node()
            lines: dict[str, int] = {}
            _walk(node, "", lines, issues)
            if issues:
                raise FrontMatterError(issues)
            data = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        where = f" (colonne {mark.column + 1})" if mark else ""
        raise FrontMatterError(
            [Issue(f"YAML invalide : {_french(error.problem or '')}{where}", _line(mark) if mark else 2)]
        ) from None
    except yaml.YAMLError as error:  # reader errors: invisible characters, bad encoding
        raise FrontMatterError([Issue(f"YAML invalide : {_french(str(error))}", 2)]) from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise FrontMatterError([Issue("le front matter doit être une liste de champs « clé: valeur »", 2)])
    return Document(data, body, body_line, lines)
