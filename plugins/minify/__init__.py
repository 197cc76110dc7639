"""minify: minify the HTML (with inline CSS and JS) and CSS of a production build (MINIFY_HTML)."""

import blinker
from pelican.plugins import granular_signals

from .minifier import minify_output


def register():
    # After every finalized receiver, before "compress" (precompression) and "deploy" (publishing).
    granular_signals.register()
    blinker.signal("minify").connect(minify_output)
