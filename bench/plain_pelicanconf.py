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
# Same set of outputs as the project where Pelican allows it: no category/tag/author/archive pages.
CATEGORY_SAVE_AS = CATEGORIES_SAVE_AS = TAG_SAVE_AS = TAGS_SAVE_AS = ""
AUTHOR_SAVE_AS = AUTHORS_SAVE_AS = ARCHIVES_SAVE_AS = ""
DIRECT_TEMPLATES = ["index"]
DEFAULT_PAGINATION = False
FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
LOAD_CONTENT_CACHE = False
