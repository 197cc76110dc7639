"""content_model: the content model and the one gate (read, check, sanitize) for every build."""

from pelican import signals

from .hooks import only_checked_files, quiet_errors, start_build
from .parallel import fewer_collections


def register():
    quiet_errors()
    fewer_collections()
    signals.readers_init.connect(only_checked_files)
    signals.generator_init.connect(start_build)
