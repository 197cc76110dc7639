"""images: every image the build makes (social cards, QR codes, illustration sizes), cached by content hash."""

from pelican import signals

from .hooks import make_images


def register():
    signals.all_generators_finalized.connect(make_images)
