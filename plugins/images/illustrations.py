"""Responsive sizes of a profile's illustration: WebP plus a JPEG (or PNG, if transparent) fallback."""

from __future__ import annotations

import io
from dataclasses import dataclass

from PIL import Image, ImageOps

# The profile column is 48rem (768 px) wide: 1536 covers it on 2× screens, 480 on phones.
WIDTHS = (480, 768, 1536)
WEBP_QUALITY = 80
JPEG_QUALITY = 82


@dataclass(frozen=True)
class Variant:
    width: int
    height: int
    format: str  # "webp", "jpeg" or "png"

    @property
    def suffix(self) -> str:
        return ".jpg" if self.format == "jpeg" else f".{self.format}"


def _open(data: bytes) -> Image.Image:
    # Phones store rotation in EXIF: apply it, so width and height are the displayed ones.
    return ImageOps.exif_transpose(Image.open(io.BytesIO(data)))


def has_alpha(image: Image.Image) -> bool:
    return image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info)


def plan(data: bytes) -> list[Variant]:
    """Every size to make (never upscaled), each in WebP and in the fallback format."""
    image = _open(data)
    width, height = image.size
    fallback = "png" if has_alpha(image) else "jpeg"
    widths = sorted({min(w, width) for w in WIDTHS})
    return [Variant(w, max(1, round(height * w / width)), fmt) for w in widths for fmt in ("webp", fallback)]


def resize(data: bytes, variant: Variant) -> bytes:
    """One variant's bytes, without metadata (no EXIF, no GPS position in the published file)."""
    image = _open(data)
    image = image.convert("RGBA" if has_alpha(image) else "RGB")
    if image.size != (variant.width, variant.height):
        image = image.resize((variant.width, variant.height), Image.Resampling.LANCZOS)
    if variant.format == "jpeg":
        image = image.convert("RGB")
    out = io.BytesIO()
    options = {
        "webp": {"quality": WEBP_QUALITY, "method": 4},
        "jpeg": {"quality": JPEG_QUALITY, "optimize": True, "progressive": True},
        "png": {"optimize": True},
    }[variant.format]
    image.save(out, variant.format.upper(), **options)
    return out.getvalue()
