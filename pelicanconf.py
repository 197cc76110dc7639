"""Pelican settings for Fais le saut (local preview). Constants only: the work is in plugins/."""

AUTHOR = "CSMO-ÉSAC"
SITENAME = "Fais le saut"
SITESUBTITLE = "Les métiers de l'économie sociale et de l'action communautaire"
SITEURL = ""
PATH = "content"
THEME = "theme"
TIMEZONE = "America/Toronto"
DEFAULT_LANG = "fr"
LOCALE = ("fr_CA.UTF-8", "fr_FR.UTF-8", "C.UTF-8", "")
HTML_LANG = "fr-CA"

# Profiles are articles (content/metiers), sectors are pages (content/secteurs).
ARTICLE_PATHS = ["metiers"]
PAGE_PATHS = ["secteurs"]
STATIC_PATHS = ["images", "extra"]
EXTRA_PATH_METADATA = {"extra/robots.txt": {"path": "robots.txt"}}
SLUGIFY_SOURCE = "basename"
USE_FOLDER_AS_CATEGORY = False
DEFAULT_CATEGORY = "metiers"
DEFAULT_DATE_FORMAT = "%Y-%m-%d"

# Pretty URLs: links never end in .html.
ARTICLE_URL = "metiers/{slug}/"
ARTICLE_SAVE_AS = "metiers/{slug}/index.html"
PAGE_URL = "secteurs/{slug}/"
PAGE_SAVE_AS = "secteurs/{slug}/index.html"
INDEX_SAVE_AS = "index.html"
DIRECT_TEMPLATES = ["index", "metiers", "secteurs", "cnp", "recherche", "a_propos", "404"]
METIERS_SAVE_AS = "metiers/index.html"
SECTEURS_SAVE_AS = "secteurs/index.html"
CNP_SAVE_AS = "cnp/index.html"
RECHERCHE_SAVE_AS = "recherche/index.html"
A_PROPOS_SAVE_AS = "a-propos/index.html"
# Pelican features the site does not use.
CATEGORY_SAVE_AS = CATEGORIES_SAVE_AS = ""
TAG_SAVE_AS = TAGS_SAVE_AS = ""
AUTHOR_SAVE_AS = AUTHORS_SAVE_AS = ""
ARCHIVES_SAVE_AS = ""
ARTICLE_TRANSLATION_ID = None
PAGE_TRANSLATION_ID = None
DEFAULT_PAGINATION = False
# Atom feed of new and updated profiles (dated by `updated`), summaries only.
FEED_ALL_ATOM = "flux/metiers.atom.xml"
FEED_MAX_ITEMS = 50
RSS_FEED_SUMMARY_ONLY = True
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None

# Content caching keyed by file hash (CI checkouts lose mtimes): an edit rebuilds fast.
CACHE_CONTENT = True
LOAD_CONTENT_CACHE = True
CONTENT_CACHING_LAYER = "reader"
CHECK_MODIFIED_METHOD = "md5"
CACHE_PATH = "cache"

MARKDOWN = {
    "extension_configs": {
        "markdown.extensions.extra": {},
        "markdown.extensions.toc": {"permalink": False},
    },
    "output_format": "html5",
}

# Plugins: content_model first (the others import its model).
PLUGIN_PATHS = ["plugins"]
# atomic_output last: it publishes the staging folder once every other plugin has written.
PLUGINS = [
    "content_model",
    "listings",
    "sitemap_xml",
    "open_data",
    "images",
    "structured_data",
    "search_index",
    "minify",
    "atomic_output",
]

# NOC 2021 reference list, downloaded by `invoke fetch-noc` (first existing file wins).
NOC_REFERENCE = ["data/cnp-2021-structure.csv"]
# Address of the published site: canonical links, Open Graph, JSON-LD and printed QR codes use it
# even in a local preview (a printed fiche must lead to the real site).
PUBLIC_URL = "https://faislesaut.csmoesac.qc.ca"
REPOSITORY_URL = "https://github.com/csmo-esac/fais-le-saut"
REPOSITORY_EDIT_URL = "https://github.com/csmo-esac/fais-le-saut/edit/main/content/"
# Official sources for wages, outlook and the code's description (never figures of our own).
CNP_OFFICIEL_URL = (
    "https://noc.esdc.gc.ca/Structure/NOCProfile?GocTemplateCulture=fr-CA&code={code}&version=2021.0"
)
GUICHET_EMPLOIS_URL = "https://www.guichetemplois.gc.ca/"
QUEBEC_EMPLOI_URL = "https://www.quebec.ca/emploi"
