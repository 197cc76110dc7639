"""atomic_output: build into a staging folder and swap it in only when the whole build succeeded."""

from pelican import signals

from .staging import publish, stage


def register():
    signals.get_generators.connect(stage)
    signals.finalized.connect(publish)
