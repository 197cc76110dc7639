"""Read a rendered profile body back into its sections: list items and paragraphs per heading."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser


@dataclass
class Section:
    items: list[str] = field(default_factory=list)  # top-level list items
    paragraphs: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return " ".join(self.paragraphs + self.items)


def clean(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


class _Sections(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.sections: dict[str, Section] = {}
        self.current: Section | None = None
        self.heading: list[str] | None = None
        self.buffer: list[str] | None = None  # text of the <p> or top-level <li> being read
        self.list_depth = 0

    def handle_starttag(self, tag, attrs):
        if self.buffer is not None and tag in ("ul", "ol", "li", "p", "br"):
            self.buffer.append(" ")  # nested blocks stay separate words
        if tag == "h2":
            self.heading = []
        elif tag in ("ul", "ol"):
            self.list_depth += 1
        elif (
            self.current is not None
            and self.buffer is None
            and ((tag == "li" and self.list_depth == 1) or (tag == "p" and self.list_depth == 0))
        ):
            self.buffer = []

    def handle_endtag(self, tag):
        if tag == "h2" and self.heading is not None:
            self.current = self.sections.setdefault(clean("".join(self.heading)), Section())
            self.heading = None
        elif tag in ("ul", "ol"):
            self.list_depth -= 1
        elif self.buffer is not None and (
            (tag == "li" and self.list_depth == 1) or (tag == "p" and self.list_depth == 0)
        ):
            text = clean("".join(self.buffer))
            if text:
                (self.current.items if tag == "li" else self.current.paragraphs).append(text)
            self.buffer = None

    def handle_data(self, data):
        if self.heading is not None:
            self.heading.append(data)
        elif self.buffer is not None:
            self.buffer.append(data)


def sections(html: str) -> dict[str, Section]:
    """{level-2 heading: its list items and paragraphs}, as plain text."""
    parser = _Sections()
    parser.feed(html)
    parser.close()
    return parser.sections
