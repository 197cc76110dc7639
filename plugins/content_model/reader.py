"""Pelican reader for Markdown files with YAML front matter (the project's content model)."""

from __future__ import annotations

from pathlib import Path

from markdown import Markdown
from pelican.readers import MarkdownReader

from .frontmatter import parse
from .model import METIERS_DIR

# Front matter keys that Pelican itself understands and must convert (dates).
_PELICAN_TYPES = {"title", "date", "modified"}


def safe_markdown(settings: dict) -> Markdown:
    """Markdown that escapes raw HTML: content can never inject markup or script into a page."""
    md = Markdown(**settings)
    md.preprocessors.deregister("html_block")
    md.inlinePatterns.deregister("html")
    return md


class YamlMarkdownReader(MarkdownReader):
    """Reads `---` YAML front matter + Markdown body; the validator has already checked both."""

    file_extensions = ["md"]

    def read(self, source_path):
        self._source_path = source_path
        doc = parse(Path(source_path).read_text(encoding="utf-8"))
        # One Markdown instance, reset between files (as Markdown's documentation advises):
        # setting up its extensions again for every file cost as much as converting the file.
        if getattr(self, "_safe_md", None) is None:
            self._safe_md = safe_markdown(self.settings["MARKDOWN"])
        self._md = self._safe_md.reset()
        content = self._md.convert(doc.body)
        kind = "metier" if Path(source_path).parent.name == METIERS_DIR else "secteur"
        data = dict(doc.data, template=kind)
        if "updated" in data:
            data["date"] = data["modified"] = data["updated"]
        if "resume" in data:
            data["summary"] = data["resume"]
        metadata = {
            key: self.process_metadata(key, value) if key in _PELICAN_TYPES else value
            for key, value in data.items()
        }
        return content, metadata
