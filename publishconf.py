"""Production settings: absolute URLs and minified output. Only what differs from pelicanconf."""

import os
import sys

sys.path.append(os.curdir)
from pelicanconf import *  # noqa: E402,F403

SITEURL = PUBLIC_URL  # noqa: F405
RELATIVE_URLS = False
MINIFY_HTML = True
FEED_DOMAIN = SITEURL
