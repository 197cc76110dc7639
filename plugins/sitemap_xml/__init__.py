"""sitemap_xml: a deterministic sitemap.xml (same commit, same bytes) with pretty URLs."""

from pelican import signals

from .sitemap import write_sitemap


def register():
    signals.all_generators_finalized.connect(write_sitemap)
