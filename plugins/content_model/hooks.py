"""Glue between Pelican's signals and the content model (each handler runs on every build)."""

from __future__ import annotations

import logging

from .build import Build, BuildStopped
from .model import HORAIRES, INTERETS, INTERETS_DESCRIPTIONS, MILIEUX, QUIZ, date_fr
from .reader import FicheReader


def only_checked_files(readers):
    """Only `.md` files, read by our reader: Pelican's reStructuredText and HTML readers would
    publish files that no rule has checked and no filter has sanitized."""
    # "static" is how Pelican copies static files (content/images/) without reading them.
    readers.reader_classes = {"md": FicheReader, "static": readers.reader_classes.get("static")}


def lien(content) -> str:
    """A content's URL, worked out once per content object: Pelican's `url` property formats it
    again at every access (40,000 times per build at 2,000 profiles, for the cards of the lists)."""
    if "_lien" not in content.__dict__:
        content.__dict__["_lien"] = content.url
    return content.__dict__["_lien"]


def start_build(generator):
    """Before any file is read: read and check all content; stop on any problem."""
    build = Build.of(generator.context)
    build.stop_on_problems()
    reader = generator.readers.readers.get("md")
    if isinstance(reader, FicheReader):
        reader.fiches = build.fiches
    if hasattr(generator, "env"):  # the content model's words, for every template
        generator.env.filters["date_fr"] = date_fr
        generator.env.filters["lien"] = lien
        generator.env.globals.update(
            HORAIRES=HORAIRES,
            MILIEUX=MILIEUX,
            INTERETS=INTERETS,
            INTERETS_DESCRIPTIONS=INTERETS_DESCRIPTIONS,
            QUIZ=QUIZ,
        )


class _Quiet(logging.Filter):
    """Pelican logs a stopped build with its traceback: editors get the French message only
    (the traceback stays available with `pelican --debug`)."""

    def filter(self, record):
        error = record.exc_info[1] if record.exc_info else None
        if (
            isinstance(error, BuildStopped)
            and logging.getLogger("pelican").getEffectiveLevel() > logging.DEBUG
        ):
            record.exc_info, record.msg, record.args = None, "%s", (str(error),)
        return True


def quiet_errors() -> None:
    logger = logging.getLogger("pelican")
    if not any(isinstance(f, _Quiet) for f in logger.filters):
        logger.addFilter(_Quiet())
