"""The state of one build: created when the build starts, dropped when it ends.

Everything a build knows about its content lives here instead of in module globals: the
reference data, the content read once (front matter and converted body), the problems found, and
a `state` dict where other plugins keep their own per-build objects (images under way, …).
It sits in Pelican's context, which Pelican creates afresh for every build (autoreload included).
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from . import catalogue, rules
from .corpus import Corpus, Fiche, read_corpus
from .memo import Memo
from .model import DATA_DIR, EXTRA_DIR
from .reference import Reference, ReferenceError

logger = logging.getLogger(__name__)
CONTEXT_KEY = "fais_le_saut_build"


class BuildStopped(Exception):
    """Stops the build with a French message and no traceback (see hooks.quiet_errors)."""

    exitcode = 1


class ContentError(BuildStopped):
    """The content has problems: the list was printed, output/ is left as it was."""


def site_pages(settings: dict) -> list[str]:
    """The site's own pages (not content files), from the one list in the settings."""
    return [path for path, _label in settings.get("SITE_PAGES", [("", "")])]


def declared_extra(settings: dict) -> set[str]:
    """Files of content/extra/ that the settings publish (EXTRA_PATH_METADATA)."""
    prefix = f"{EXTRA_DIR}/"
    return {key[len(prefix) :] for key in settings.get("EXTRA_PATH_METADATA", {}) if key.startswith(prefix)}


class Build:
    def __init__(self, settings: dict):
        self.settings = settings
        try:
            self.reference = Reference.load(Path(settings.get("DATA_PATH") or DATA_DIR))
        except ReferenceError as error:
            raise BuildStopped(f"Données de référence : {error} (relancer « invoke fetch-noc » ?)") from None
        self.memo = Memo.for_build(settings, "content_model")
        self.corpus: Corpus = read_corpus(Path(settings["PATH"]), self.memo, declared_extra(settings))
        rules_memo = Memo.for_build(settings, "rules", rules.MEMO_SOURCES, ("jsonschema",))
        self.problems = rules.check(self.corpus, self.reference, site_pages(settings), rules_memo)
        rules_memo.save()
        self.fiches: dict[str, Fiche] = self.corpus.by_path()
        self.state: dict = {}

    @classmethod
    def of(cls, context: dict) -> Build:
        """This build's state (made on first use, by whichever plugin asks first)."""
        build = context.get(CONTEXT_KEY)
        if build is None:
            build = context[CONTEXT_KEY] = cls(context)
        return build

    def stop_on_problems(self) -> None:
        if self.problems:
            print(rules.report(self.problems), file=sys.stderr)
            raise ContentError(
                f"{len(self.problems)} problème(s) dans le contenu : build arrêté, site publié inchangé"
            )

    def unit_group(self, code: str):
        return self.reference.noc.unit_groups.get(code)

    def formation_options(self, ids: list[str]) -> list:
        """A profile's programs grouped by level, most accessible first (catalogue.options)."""
        return catalogue.options(ids, self.corpus.programmes)
