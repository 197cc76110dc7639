"""assets: fingerprinted names for the theme's CSS and JS (FINGERPRINT_ASSETS), and precompressed
.br/.gz files (PRECOMPRESS_GZIP, PRECOMPRESS_BROTLI) for hosts that serve them."""

import blinker
from pelican import signals
from pelican.plugins import granular_signals

from .compress import compress_output
from .fingerprint import add_filter, write_copies


def register():
    signals.generator_init.connect(add_filter)
    signals.all_generators_finalized.connect(write_copies)
    # "compress" comes after "minify" and before "deploy" (atomic_output publishes).
    granular_signals.register()
    blinker.signal("compress").connect(compress_output)
