"""open_data: publish every profile as /donnees/metiers.json and .csv, and the front-matter schemas."""

from pelican import signals

from .publish import write_open_data


def register():
    signals.article_writer_finalized.connect(write_open_data)
