"""sitemap_xml: a deterministic sitemap.xml (same commit, same bytes) with pretty URLs."""

from pelican import signals

from .sitemap import collect, write


def register():
    signals.all_generators_finalized.connect(collect)
    signals.finalized.connect(write)
