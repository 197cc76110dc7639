"""Build sitemap.xml from the content objects and the listing pages.

pelican-sitemap stamps listing pages with the build time, so two builds of one commit differ;
here a listing page's date is the latest update among the profiles it is built from.
"""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape

from pelican.generators import ArticlesGenerator, PagesGenerator

from plugins.content_model.model import INTERETS


def write_sitemap(generators):
    """Every URL is known once the content is read: write the file then (into this build's
    output folder), with no state kept until the end of the build."""
    articles = next(g for g in generators if isinstance(g, ArticlesGenerator))
    pages = next(g for g in generators if isinstance(g, PagesGenerator))
    listings = [path for path, _label in articles.settings.get("SITE_PAGES", [])]
    listings += [f"interets/{code}/" for code in INTERETS]
    items = entries(articles.articles, pages.pages, listings)
    Path(articles.output_path, "sitemap.xml").write_text(
        render(articles.settings["SITEURL"], items), encoding="utf-8"
    )


def entries(articles, pages, listings=("",)) -> list[tuple[str, str]]:
    """[(url path, ISO date)] for every public page, sorted by path."""
    dated = {a.url: a.date.date().isoformat() for a in articles}
    latest = max(dated.values(), default="")
    for page in pages:
        dated[page.url] = max((dated[a.url] for a in articles if page.slug in a.secteurs), default=latest)
    for article in articles:
        code = f"cnp/{article.cnp}/"
        dated[code] = max(dated.get(code, ""), dated[article.url])
    for path in listings:
        dated[path] = latest
    return sorted(dated.items())


def render(siteurl: str, items: list[tuple[str, str]]) -> str:
    rows = "".join(
        f"<url><loc>{escape(siteurl)}/{escape(path)}</loc><lastmod>{day}</lastmod></url>\n"
        for path, day in items
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n' + rows + "</urlset>\n"
    )
