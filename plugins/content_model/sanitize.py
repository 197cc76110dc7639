"""The HTML allowlist, in one place: what a content body may publish, enforced with nh3.

Safety is decided here, on the HTML that Markdown produced, not by guessing patterns in the
source. The validator reads the same tables to tell editors what will be removed (so they learn),
but this filter is the guarantee: whatever the source holds, only these elements, attributes and
link schemes reach a page.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import nh3

TAGS = frozenset(
    {
        "p",
        "h2",
        "h3",
        "h4",
        "ul",
        "ol",
        "li",
        "a",
        "strong",
        "em",
        "b",
        "i",
        "code",
        "pre",
        "blockquote",
        "br",
        "hr",
        "img",
        "abbr",
        "sub",
        "sup",
    }
)
ATTRIBUTES = {"a": {"href", "title"}, "img": {"src", "alt", "title", "width", "height"}, "abbr": {"title"}}
LINK_SCHEMES = ("http", "https", "mailto", "tel")
IMAGE_SCHEMES = ("https",)


def url_problem(url: str, image: bool = False) -> str | None:
    """Why this address may not be published, or None: links to http(s), mailto, tel, a page of
    the site (/…) or an anchor (#…); images from the site or https."""
    url = url.strip()
    if not url:
        return "adresse vide"
    if url.startswith("//"):
        return "adresse sans protocole : écrire https://…"
    if url.startswith(("/", "#")) and not image:
        return None
    if url.startswith("/"):
        return None
    scheme = urlsplit(url).scheme.lower()
    allowed = IMAGE_SCHEMES if image else LINK_SCHEMES
    if scheme not in allowed:
        kinds = "https ou une image du site" if image else "http, https, mailto, tel ou une page du site (/…)"
        return f"adresse non permise ({scheme or 'relative'}:) : seulement {kinds}"
    return None


def _attribute(element: str, attribute: str, value: str) -> str | None:
    if element == "a" and attribute == "href":
        return value if url_problem(value) is None else None
    if element == "img" and attribute == "src":
        return value if url_problem(value, image=True) is None else None
    return value


def clean(html: str) -> str:
    """`html` with only the allowed elements, attributes and addresses (the rest is dropped;
    the text of a dropped element stays, escaped)."""
    return nh3.clean(
        html,
        tags=set(TAGS),
        attributes={tag: set(names) for tag, names in ATTRIBUTES.items()},
        url_schemes=set(LINK_SCHEMES),
        attribute_filter=_attribute,
        link_rel=None,
        strip_comments=True,
    )
