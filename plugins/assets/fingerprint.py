"""`{{ 'css/main.css'|asset }}` → theme/css/main.css, or theme/css/main.1a2b3c4d.css when the
FINGERPRINT_ASSETS setting is on (production): the name changes with the bytes."""

from __future__ import annotations

import hashlib
from pathlib import Path

DEFAULTS = {"FINGERPRINT_ASSETS": False, "THEME_STATIC_DIR": "theme"}


def fingerprinted(name: str, data: bytes) -> str:
    stem, dot, suffix = name.rpartition(".")
    return f"{stem}.{hashlib.sha256(data).hexdigest()[:10]}.{suffix}"


def asset_names(settings: dict) -> dict[str, str]:
    """{"css/main.css": "theme/css/main.<hash>.css", …} for every CSS and JS file of the theme."""
    static = Path(settings["THEME"]) / "static"
    prefix = settings.get("THEME_STATIC_DIR", DEFAULTS["THEME_STATIC_DIR"])
    names = {}
    for path in sorted(static.rglob("*")):
        if path.suffix in (".css", ".js") and path.is_file():
            relative = path.relative_to(static).as_posix()
            target = (
                fingerprinted(relative, path.read_bytes()) if settings.get("FINGERPRINT_ASSETS") else relative
            )
            names[relative] = f"{prefix}/{target}"
    return names


def add_filter(generator):
    if hasattr(generator, "env"):
        names = asset_names(generator.settings)
        generator.env.filters["asset"] = lambda relative: names[relative]
        generator.context["assets_fingerprinted"] = (
            sorted(n for n in names.values()) if generator.settings.get("FINGERPRINT_ASSETS") else []
        )


def write_copies(generators):
    """The fingerprinted copies (Pelican copies the theme's files under their own names)."""
    settings = generators[0].settings
    if not settings.get("FINGERPRINT_ASSETS"):
        return
    static = Path(settings["THEME"]) / "static"
    output = Path(generators[0].output_path)
    for relative, target in asset_names(settings).items():
        destination = output / target
        destination.parent.mkdir(parents=True, exist_ok=True)
        destination.write_bytes((static / relative).read_bytes())
