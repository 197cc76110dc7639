"""listings: link profiles, sectors and NOC codes together and write the /cnp/<code>/ pages."""

from pelican import signals

from .cards import add_filter
from .hooks import link_content, write_code_pages, write_interest_pages


def register():
    signals.generator_init.connect(add_filter)
    signals.all_generators_finalized.connect(link_content)
    signals.article_writer_finalized.connect(write_code_pages)
    signals.article_writer_finalized.connect(write_interest_pages)
