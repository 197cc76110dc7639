"""Production settings: absolute URLs and minified output. Only what differs from pelicanconf."""

import os
import sys

sys.path.append(os.curdir)
from pelicanconf import *  # noqa: E402,F403

SITEURL = "https://faislesaut.csmoesac.qc.ca"
RELATIVE_URLS = False
MINIFY_HTML = True
FEED_DOMAIN = SITEURL
