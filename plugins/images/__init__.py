"""images: every image the build makes (social cards, QR codes, illustration sizes), cached by content hash."""

from pelican import signals

from .hooks import finish_images, make_images, reset_images, start_early


def register():
    signals.initialized.connect(reset_images)
    # Each profile's card and QR code start in the workers as soon as the profile is read.
    signals.content_object_init.connect(start_early)
    signals.all_generators_finalized.connect(make_images)
    # Before atomic_output's finalized receiver (later in PLUGINS), which publishes the output.
    signals.finalized.connect(finish_images)
