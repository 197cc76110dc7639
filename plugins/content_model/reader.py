"""Pelican reader for the project's content files: it returns what the build already read.

Every file was read and checked once when the build started (build.py); reading it again here
would parse its YAML and convert its Markdown a second time.
"""

from __future__ import annotations

import os

from pelican.readers import BaseReader

# Front matter keys that Pelican itself understands and must convert (dates).
_PELICAN_TYPES = {"title", "date", "modified"}


class FicheReader(BaseReader):
    enabled = True
    file_extensions = ["md"]
    fiches: dict | None = None  # set per build by hooks.start_build: {absolute path: Fiche}

    def read(self, source_path):
        fiche = (self.fiches or {}).get(os.path.abspath(source_path))
        if fiche is None:  # not a file the build checked: never publish it unread
            raise ValueError(f"{source_path} : fichier non vérifié")
        data = dict(fiche.data, template=fiche.kind, fiche=fiche)
        if "updated" in data:
            data["date"] = data["modified"] = data["updated"]
        if "resume" in data:
            data["summary"] = data["resume"]
        metadata = {
            key: self.process_metadata(key, value) if key in _PELICAN_TYPES else value
            for key, value in data.items()
        }
        return fiche.body.html, metadata
