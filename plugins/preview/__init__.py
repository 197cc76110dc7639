"""preview: in `invoke serve`, a save re-renders only the profile pages that it changes."""

from pelican import signals

from .writer import PreviewWriter, write_manifest


def writer_class(pelican):
    if pelican.settings.get("PREVIEW"):
        return PreviewWriter
    return None


def register():
    signals.get_writer.connect(writer_class)
    signals.article_writer_finalized.connect(write_manifest)
