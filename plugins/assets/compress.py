"""Precompressed .br and .gz files next to every text file (pelican-precompress), made in the
build's own output folder: the library reads OUTPUT_PATH, which is the published folder, while
this build writes into its staging folder (atomic_output) until it succeeds."""

from __future__ import annotations

from types import SimpleNamespace

from pelican.plugins import precompress


def compress_output(pelican):
    if pelican.settings.get("PRECOMPRESS_GZIP") or pelican.settings.get("PRECOMPRESS_BROTLI"):
        view = SimpleNamespace(settings={**pelican.settings, "OUTPUT_PATH": pelican.output_path})
        precompress.compress_files(view)
