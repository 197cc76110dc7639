"""Write the site next to output/ and replace output/ only after a clean build.

A failed build (an exception, or any error logged on the way) leaves the previous output/
byte for byte as it was: editors never publish a half-built site. Leftovers of an interrupted
build (output.staging, output.old, as folders or as plain files) are cleared at the next start.
"""

from __future__ import annotations

import logging
import os
import shutil
from pathlib import Path

from plugins.content_model.build import BuildStopped

logger = logging.getLogger(__name__)


class ErrorCounter(logging.Handler):
    def __init__(self):
        super().__init__(level=logging.ERROR)
        self.count = 0

    def emit(self, record):
        self.count += 1


def staging_path(output: Path) -> Path:
    return output.with_name(output.name + ".staging")


def _remove(path: Path) -> None:
    """Remove a leftover folder, file or link at `path`, whatever it is."""
    if path.is_symlink() or path.is_file():
        path.unlink()
    elif path.exists():
        shutil.rmtree(path)


def stage(pelican):
    """Point this build at a fresh staging folder beside the real output folder. Runs at every
    build (get_generators), autoreload included; the real output is the setting, never changed."""
    for handler in [h for h in logging.getLogger().handlers if isinstance(h, ErrorCounter)]:
        logging.getLogger().removeHandler(handler)  # left by a build that stopped early
    logging.getLogger().addHandler(ErrorCounter())
    if pelican.settings.get("PREVIEW_INCREMENTAL"):
        # `invoke serve` after an edit of existing profiles only, checked before anything is
        # written: the preview is updated in place (plugins/preview renders what changed).
        return
    output = Path(pelican.settings["OUTPUT_PATH"]).resolve()
    staging = staging_path(output)
    try:
        _remove(staging)
        staging.mkdir(parents=True)
    except OSError as error:
        raise BuildStopped(
            f"Impossible de préparer le dossier de sortie {staging} ({error.strerror})."
        ) from None
    pelican.output_path = str(staging)


def swap(staging: Path, output: Path) -> None:
    """Replace output with staging using renames (atomic on one filesystem)."""
    old = output.with_name(output.name + ".old")
    _remove(old)
    if output.is_symlink() or output.is_file():
        output.unlink()
    elif output.exists():
        os.replace(output, old)
    os.replace(staging, output)
    _remove(old)


def publish(pelican):
    output = Path(pelican.settings["OUTPUT_PATH"]).resolve()
    staging = Path(pelican.output_path).resolve()
    counters = [h for h in logging.getLogger().handlers if isinstance(h, ErrorCounter)]
    for handler in counters:
        logging.getLogger().removeHandler(handler)
    pelican.output_path = str(output)
    errors = sum(h.count for h in counters)
    if errors and staging == output:  # an incremental preview, written in place
        raise BuildStopped(f"{errors} erreur(s) pendant le build : aperçu incomplet, enregistrer de nouveau")
    if errors:
        raise BuildStopped(f"{errors} erreur(s) pendant le build : {output} n'a pas été remplacé")
    if staging == output:
        return
    for path in sorted(staging.rglob("*")):  # readable by the web server, whatever the umask
        os.chmod(path, 0o755 if path.is_dir() else 0o644)
    try:
        swap(staging, output)
    except OSError as error:
        raise BuildStopped(
            f"Impossible de remplacer {output} ({error.strerror}) : le site publié est inchangé."
        ) from None
