"""Split a content file into its YAML front matter and Markdown body, keeping line numbers."""

from __future__ import annotations

from dataclasses import dataclass, field

import yaml


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """Safe YAML (libyaml's fast parser when present) that keeps dates as written: the schema
    then reports a bad date by field."""


_Loader.yaml_implicit_resolvers = {
    key: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _load(source: str):
    """(root node, data) from one parse: the node gives each field's line number."""
    loader = _Loader(source)
    try:
        node = loader.get_single_node()
        return node, (loader.construct_document(node) if node is not None else None)
    finally:
        loader.dispose()


class FrontMatterError(ValueError):
    """The front matter is missing or is not valid YAML; `line` is 1-based in the file."""

    def __init__(self, message: str, line: int | None = None):
        super().__init__(message)
        self.line = line


@dataclass
class Document:
    data: dict
    body: str
    body_line: int  # line number (1-based) of the body's first line in the file
    lines: dict[str, int] = field(default_factory=dict)  # top-level key -> line number


# The validator parses every file before the build and the reader parses it again: the second
# parse of the same text is a lookup. `forget()` empties the table once the content is read.
_parsed: dict[str, Document] = {}


def parse(text: str) -> Document:
    """The file's front matter and body (read-only: the same Document may be returned again)."""
    doc = _parsed.get(text)
    if doc is None:
        doc = _parsed[text] = _parse(text)
    return doc


def remember(text: str, doc: Document) -> None:
    """`doc` is what parse(text) gives (from the validator's memo): no need to parse it again."""
    _parsed[text] = doc


def forget() -> None:
    _parsed.clear()


def _parse(text: str) -> Document:
    text = text.lstrip("\ufeff").replace("\r\n", "\n")
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        raise FrontMatterError("le fichier doit commencer par une ligne « --- » (front matter YAML)", 1)
    try:
        end = next(i for i in range(1, len(lines)) if lines[i].strip() == "---")
    except StopIteration:
        raise FrontMatterError("front matter non fermé : ligne « --- » de fin introuvable", 1) from None
    source = "\n".join(lines[1:end])
    try:
        node, data = _load(source)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 2 if mark else 2
        problem = getattr(error, "problem", None) or str(error).splitlines()[0]
        raise FrontMatterError(f"YAML invalide : {problem}", line) from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise FrontMatterError("le front matter doit être une liste de champs « clé: valeur »", 2)
    positions = {}
    if isinstance(node, yaml.MappingNode):
        positions = {str(k.value): k.start_mark.line + 2 for k, _ in node.value}
    body = "\n".join(lines[end + 1 :])
    return Document(data, body, end + 2, positions)
