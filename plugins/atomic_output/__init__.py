"""atomic_output: build into a staging folder and swap it in only when the whole build succeeded."""

import blinker
from pelican import signals
from pelican.plugins import granular_signals

from .staging import publish, stage


def register():
    signals.get_generators.connect(stage)
    # pelican-granular-signals sends "deploy" after every finalized receiver and after
    # "minify" and "compress": publishing comes last whatever the order of PLUGINS.
    granular_signals.register()
    blinker.signal("deploy").connect(publish)
