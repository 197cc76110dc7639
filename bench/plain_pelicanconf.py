"""Baseline for bench/build.py: plain Pelican (no project plugins, built-in theme), same URLs."""

PATH = "content"
SITENAME = "Fais le saut (baseline)"
SITEURL = ""
TIMEZONE = "America/Toronto"
DEFAULT_LANG = "fr"
THEME = "simple"
DEFAULT_DATE = (2026, 11, 1)
ARTICLE_PATHS = ["metiers"]
PAGE_PATHS = ["secteurs"]
SLUGIFY_SOURCE = "basename"
ARTICLE_URL = "metiers/{slug}/"
ARTICLE_SAVE_AS = "metiers/{slug}/index.html"
PAGE_URL = "secteurs/{slug}/"
PAGE_SAVE_AS = "secteurs/{slug}/index.html"
PLUGINS = []
FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
LOAD_CONTENT_CACHE = False
