"""images: every image the build makes (social cards, QR codes, illustration sizes), cached by content hash."""

from pelican import signals

from .hooks import finish_images, make_images


def register():
    signals.all_generators_finalized.connect(make_images)
    # Before atomic_output's finalized receiver (later in PLUGINS), which publishes the output.
    signals.finalized.connect(finish_images)
