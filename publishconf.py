"""Production settings: absolute URLs and minified output. Only what differs from pelicanconf."""

import os
import sys

sys.path.append(os.curdir)
from pelicanconf import *  # noqa: E402,F403

SITEURL = PUBLIC_URL  # noqa: F405
RELATIVE_URLS = False
MINIFY_HTML = True
FEED_DOMAIN = SITEURL
# Hosts cache fingerprinted CSS and JS for a year, HTML for minutes (_headers, docs/hebergement.md).
FINGERPRINT_ASSETS = True
DIRECT_TEMPLATES = [*DIRECT_TEMPLATES, "_headers"]  # noqa: F405
_HEADERS_SAVE_AS = "_headers"
# .br and .gz next to every text file, for hosts that serve them (pelican-precompress).
PRECOMPRESS_GZIP = True
PRECOMPRESS_BROTLI = True
PRECOMPRESS_ZOPFLI = False
