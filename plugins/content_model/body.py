"""The body of a content file, converted once: sanitized HTML plus everything the rules, the
structured data and the search index need (sections, links, images, plain text).

One Markdown pass per file. A treeprocessor reads the element tree Markdown built (what will be
published, not a guess from the source text); the serialized HTML is then filtered by the
allowlist (sanitize.py). Raw HTML in the source is never parsed as HTML: it is shown as text.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field

from markdown import Markdown
from markdown.treeprocessors import Treeprocessor

from . import sanitize

# Markdown core only: extensions that let authors write attributes ({: onclick=…}) or raw
# HTML blocks are not loaded.
EXTENSIONS = ("sane_lists",)
_PLACEHOLDER = re.compile("\x02wzxhzdk:\\d+\x03")
_ADDRESS = re.compile(r"(?i)\b(?:https?://|www\.)\S+")
_TAG_TEXT = re.compile(r"<\s*/?\s*[a-zA-Z!][^>]*>?")
_WORD = re.compile(r"[\wÀ-ÿ’'-]+")
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+")
# Each section is wrapped in this element before serialization, then split off again: raw HTML
# is escaped, so the marker can only come from the treeprocessor.
_MARK = "fls-section"
_SPLIT = re.compile(rf"<{_MARK}>(.*?)</{_MARK}>", re.S)


@dataclass
class Link:
    href: str
    text: str


@dataclass
class Section:
    title: str
    html: str = ""
    paragraphs: list[str] = field(default_factory=list)  # plain text of each <p>
    items: list[str] = field(default_factory=list)  # plain text of each top-level <li>
    subsections: dict[str, str] = field(default_factory=dict)  # h3 title -> its text
    prose: list[str] = field(default_factory=list)  # paragraphs and items that hold no link
    _sub: str | None = field(default=None, repr=False)  # the h3 being read

    @property
    def text(self) -> str:
        return " ".join(self.paragraphs + self.items)


@dataclass
class Body:
    html: str
    sections: list[Section]
    headings: list[tuple[int, str]]  # (level, text) in order
    links: list[Link]
    images: list[tuple[str, str]]  # (src, alt)
    addresses: list[str]  # web addresses written as plain text (not links)
    tags: list[str]  # HTML written in the text (shown as is, never run)
    text: str  # the whole body as plain text
    words: int
    sentences: list[str]  # prose sentences, list items and paragraphs holding a link excluded

    def section(self, title: str) -> Section | None:
        return next((s for s in self.sections if s.title == title), None)


def _text(element) -> str:
    return re.sub(r"\s+", " ", _PLACEHOLDER.sub("", "".join(element.itertext()))).strip()


class _Reader(Treeprocessor):
    """Collects what the rules and the other plugins need, then groups blocks by section."""

    def run(self, root):
        found = self.md.fls = {"headings": [], "links": [], "images": [], "addresses": [], "tags": []}
        self._scan(root, found, inside_link=False)
        sections: list[Section] = [Section("")]  # blocks before the first h2
        wrappers = [ET.Element(_MARK)]
        for child in list(root):
            root.remove(child)
            if child.tag == "h2":
                sections.append(Section(_text(child)))
                wrappers.append(ET.Element(_MARK))
            wrappers[-1].append(child)
            self._collect(child, sections[-1])
        for wrapper in wrappers:
            root.append(wrapper)
        found["sections"] = sections

    def _scan(self, element, found, inside_link):
        tag = element.tag
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            found["headings"].append((int(tag[1]), _text(element)))
        if tag == "a":
            found["links"].append(Link(element.get("href", ""), _text(element)))
        if tag == "img":
            found["images"].append((element.get("src", ""), element.get("alt", "")))
        inside = inside_link or tag == "a"
        for text in (element.text, *(child.tail for child in element)):
            if not text:
                continue
            text = _PLACEHOLDER.sub("", text)
            if not inside:
                found["addresses"] += _ADDRESS.findall(text)
            found["tags"] += [t for t in _TAG_TEXT.findall(text) if len(t) > 2]
        for child in element:
            self._scan(child, found, inside)

    @staticmethod
    def _collect(block, section: Section):
        if block.tag == "h3":
            section._sub = _text(block)
            section.subsections[section._sub] = ""
            return
        blocks = [block] if block.tag == "p" else [li for li in block if li.tag == "li"]
        if block.tag not in ("p", "ul", "ol"):
            return
        for part in blocks:
            text = _text(part)
            (section.paragraphs if block.tag == "p" else section.items).append(text)
            if part.find(".//a") is None:
                section.prose.append(text)
            if section._sub is not None:
                section.subsections[section._sub] = f"{section.subsections[section._sub]} {text}".strip()


class BodyConverter:
    """One Markdown instance, reset between files (setting up extensions costs as much as a file)."""

    def __init__(self):
        self.md = Markdown(extensions=list(EXTENSIONS), output_format="html")
        self.md.preprocessors.deregister("html_block")
        self.md.inlinePatterns.deregister("html")
        # After the inline patterns (20) and the unescaping of backslash escapes (0).
        self.md.treeprocessors.register(_Reader(self.md), "fais-le-saut", -10)
        self.conversions = 0  # tests count them: each body is converted exactly once

    def convert(self, source: str) -> Body:
        self.md.reset()
        self.conversions += 1
        self.md.fls = None
        html = self.md.convert(source)
        found = self.md.fls
        if found is None:  # Markdown returns early for a blank text: nothing to read
            return Body("", [], [], [], [], [], [], "", 0, [])
        sections = found["sections"]
        for section, chunk in zip(sections, _SPLIT.findall(html), strict=True):
            section.html = sanitize.clean(chunk.strip())
        if not sections[0].html and not sections[0].paragraphs and len(sections) > 1:
            sections = sections[1:]
        text = " ".join(_text_of(s) for s in sections).strip()
        return Body(
            html="\n".join(s.html for s in sections if s.html),
            sections=sections,
            headings=found["headings"],
            links=found["links"],
            images=found["images"],
            addresses=found["addresses"],
            tags=found["tags"],
            text=text,
            words=len(_WORD.findall(text)),
            sentences=_sentences(sections),
        )


def _text_of(section: Section) -> str:
    return " ".join([*section.paragraphs, *section.items])


def _sentences(sections: list[Section]) -> list[str]:
    """Prose sentences of at least five words; blocks that hold a link are left out (titles of
    organizations and profiles are shared facts, not prose)."""
    found = []
    for section in sections:
        for block in section.prose:
            for sentence in _SENTENCE_END.split(block):
                sentence = sentence.strip()
                if len(_WORD.findall(sentence)) >= 5:
                    found.append(sentence)
    return found
