"""Write the site next to output/ and replace output/ only after a clean build.

A failed build (an exception, or any error logged on the way) leaves the previous output/
byte for byte as it was: editors never publish a half-built site.
"""

from __future__ import annotations

import logging
import os
import shutil
from pathlib import Path

logger = logging.getLogger(__name__)


class ErrorCounter(logging.Handler):
    def __init__(self):
        super().__init__(level=logging.ERROR)
        self.count = 0

    def emit(self, record):
        self.count += 1


class BuildFailed(Exception):
    pass


def staging_path(output: Path) -> Path:
    return output.with_name(output.name + ".staging")


def stage(pelican):
    """Point Pelican at a fresh staging folder beside the real output folder."""
    output = Path(pelican.output_path).resolve()
    staging = staging_path(output)
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    pelican.atomic_output = (output, staging, ErrorCounter())
    logging.getLogger().addHandler(pelican.atomic_output[2])
    pelican.output_path = str(staging)


def swap(staging: Path, output: Path) -> None:
    """Replace output with staging using renames (atomic on one filesystem)."""
    old = output.with_name(output.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    if output.exists():
        os.replace(output, old)
    os.replace(staging, output)
    shutil.rmtree(old, ignore_errors=True)


def publish(pelican):
    output, staging, errors = pelican.atomic_output
    logging.getLogger().removeHandler(errors)
    pelican.output_path = str(output)
    if errors.count:
        raise BuildFailed(f"{errors.count} erreur(s) pendant le build : {output} n'a pas été remplacé")
    swap(staging, output)
