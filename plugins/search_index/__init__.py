"""search_index: the client-side search index (lunr) and the browser libraries it needs."""

from pelican import signals

from .publish import write_search_files


def register():
    signals.all_generators_finalized.connect(write_search_files)
