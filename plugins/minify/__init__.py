"""minify: minify the HTML (with inline CSS and JS) and CSS of a production build (MINIFY_HTML)."""

from pelican import signals

from .minifier import minify_output


def register():
    signals.finalized.connect(minify_output)
