"""content_model: YAML front matter reader and build-stopping validation of all content."""

from pelican import signals

from .pelican_hooks import add_reader, forget_parsed, freeze_urls, validate_before_build


def register():
    signals.readers_init.connect(add_reader)
    signals.initialized.connect(validate_before_build)
    signals.all_generators_finalized.connect(forget_parsed)
    signals.all_generators_finalized.connect(freeze_urls)
