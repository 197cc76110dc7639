"""search_index: the client-side search index (lunr) and the browser libraries it needs."""

from pelican import signals

from .publish import wait_search_files, write_search_files


def register():
    signals.all_generators_finalized.connect(write_search_files)
    signals.page_writer_finalized.connect(wait_search_files)
