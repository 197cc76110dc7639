"""Glue between Pelican's signals and the content model's plain functions."""

from __future__ import annotations

import logging
import sys
from functools import cache, cached_property
from pathlib import Path

from . import frontmatter
from .memo import Memo
from .noc import find_reference, load_unit_groups
from .reader import YamlMarkdownReader
from .validate import report, validate_content

logger = logging.getLogger(__name__)


class ContentError(Exception):
    """Raised to stop the build; Pelican turns it into a non-zero exit."""


def add_reader(readers):
    readers.reader_classes["md"] = YamlMarkdownReader


def noc_reference(settings: dict):
    """The NOC 2021 unit groups from the first configured reference file, or None."""
    base = Path(settings.get("PROJECT_ROOT") or Path(settings["PATH"]).parent)
    path = find_reference(settings.get("NOC_REFERENCE", []), base)
    if path is None:
        logger.warning(
            "content_model: référentiel CNP 2021 absent (lancer « invoke fetch-noc ») : "
            "codes non vérifiés et titres officiels non affichés"
        )
        return None
    return load_unit_groups(path)


def validate_before_build(pelican):
    """Validate all content before anything is read or written; stop on any problem."""
    noc = noc_reference(pelican.settings)
    pelican.settings["NOC_UNIT_GROUPS"] = noc
    settings = pelican.settings
    # An edit re-checks only the edited files.
    memo = Memo.for_build(settings, "content_model")
    problems = validate_content(Path(settings["PATH"]), noc, memo)
    if problems:
        print(report(problems), file=sys.stderr)
        raise ContentError(f"{len(problems)} problème(s) dans le contenu : build arrêté, output/ inchangé")


def forget_parsed(generators):
    """Every file has been read: drop the parsed front matter kept for the reader."""
    frontmatter.forget()


@cache
def _fixed_url(cls: type) -> type:
    """`cls` whose `url` is computed once per object. Pelican formats it from the settings at
    every access, and a profile page reads about 27 of them (related profiles, sectors, links):
    a sixth of the writing time at 10,000 profiles."""
    return type(cls.__name__, (cls,), {"url": cached_property(cls.url.fget), "__module__": cls.__module__})


def freeze_urls(generators):
    """Every generator has its content and slugs are final: URLs no longer change."""
    for generator in generators:
        for name in ("articles", "translations", "pages", "hidden_pages", "draft_pages", "drafts"):
            for item in getattr(generator, name, None) or []:
                item.__class__ = _fixed_url(type(item))
