"""Pelican settings for Fais le saut (local preview). Constants only: the work is in plugins/."""

AUTHOR = "CSMO-ÉSAC"
SITENAME = "Fais le saut"
SITESUBTITLE = "Les métiers de l'économie sociale et de l'action communautaire"
SLOGAN = "Fais le saut dans un métier qui a du sens"
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
STATIC_PATHS = ["images"]
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
# The site's own pages, in one list: (address, label in the main navigation or None).
# Navigation, link validation and the sitemap read it; each has its template below.
SITE_PAGES = [
    ("", None),
    ("trouve-ton-metier/", "Trouve ton métier"),
    ("metiers/", "Métiers A–Z"),
    ("secteurs/", "Secteurs"),
    ("cnp/", "Codes CNP"),
    ("recherche/", "Recherche"),
    ("pourquoi-l-esac/", None),
    ("ma-selection/", None),
    ("plan-du-site/", None),
    ("a-propos/", "À propos"),
]
DIRECT_TEMPLATES = [
    "index",
    "quiz",
    "metiers",
    "secteurs",
    "cnp",
    "recherche",
    "pourquoi",
    "plan_du_site",
    "selection",
    "a_propos",
    "404",
    "robots",
]
QUIZ_SAVE_AS = "trouve-ton-metier/index.html"
POURQUOI_SAVE_AS = "pourquoi-l-esac/index.html"
PLAN_DU_SITE_SAVE_AS = "plan-du-site/index.html"
SELECTION_SAVE_AS = "ma-selection/index.html"
ROBOTS_SAVE_AS = "robots.txt"
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

# Each content file is read once per build and kept in cache/ under the hash of its text
# (content_model's memo, CONTENT_MEMO): Pelican's own content cache would keep a second copy.
CACHE_CONTENT = False
CONTENT_MEMO = True
CACHE_PATH = "cache"
# Autoescape: every value is escaped unless a template marks it safe (sanitized HTML only).
JINJA_ENVIRONMENT = {"trim_blocks": True, "lstrip_blocks": True, "extensions": [], "autoescape": True}

# Plugins are the `plugins` package: any order works (each imports what it needs).
PLUGIN_PATHS = ["."]
PLUGINS = [
    "plugins.content_model",
    "plugins.listings",
    "plugins.sitemap_xml",
    "plugins.open_data",
    "plugins.images",
    "plugins.structured_data",
    "plugins.search_index",
    "plugins.minify",
    "plugins.assets",
    "plugins.atomic_output",
    "plugins.preview",
]
# Address of the published site: canonical links, Open Graph, JSON-LD and printed QR codes use it
# even in a local preview (a printed fiche must lead to the real site).
PUBLIC_URL = "https://faislesaut.csmoesac.qc.ca"
# Production only (publishconf.py): fingerprinted assets and precompressed files.
FINGERPRINT_ASSETS = False
PRECOMPRESS_GZIP = False
PRECOMPRESS_BROTLI = False
REPOSITORY_URL = "https://github.com/csmo-esac/fais-le-saut"
REPOSITORY_EDIT_URL = "https://github.com/csmo-esac/fais-le-saut/edit/main/content/"
# Official sources for wages, outlook and the code's description (never figures of our own).
CNP_OFFICIEL_URL = (
    "https://noc.esdc.gc.ca/Structure/NOCProfile?GocTemplateCulture=fr-CA&code={code}&version=2021.0"
)
GUICHET_EMPLOIS_URL = "https://www.guichetemplois.gc.ca/"
QUEBEC_EMPLOI_URL = "https://www.quebec.ca/emploi"
