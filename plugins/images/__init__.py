"""images: every image the build makes (social cards, QR codes, illustration sizes), cached by content hash."""

from pelican import signals

from .hooks import finish_images, make_images, start_early


def register():
    # Each profile's card starts in the workers as soon as the profile is read.
    signals.content_object_init.connect(start_early)
    signals.all_generators_finalized.connect(make_images)
    # Pages are written by then (profiles first, then sectors): place the images.
    signals.page_writer_finalized.connect(finish_images)
