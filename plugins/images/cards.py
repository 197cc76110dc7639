"""Social cards: the 1200×630 PNG shown when a profile or a sector is shared (og:image).

Drawn with Pillow from the title, the code and the site's identity; deterministic (same inputs,
same bytes), so cards can be cached by the hash of their inputs.
"""

from __future__ import annotations

import io
import unicodedata
from dataclasses import asdict, dataclass
from functools import cache
from pathlib import Path

from PIL import Image, ImageColor, ImageDraw, ImageFont

WIDTH, HEIGHT = 1200, 630
MARGIN = 80
# The site's colours (theme/static/css/main.css): white on the brand purple is 9:1.
BRAND = "#5b2a86"
BRAND_DARK = "#3f1c5e"
WHITE = "#ffffff"
LIGHT = "#e6dcf2"
ACCENT = "#ffbf47"
# Debian's fonts-dejavu-core (installed by `invoke test`); first existing pair wins.
FONT_DIRS = ("/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/dejavu", "/usr/local/share/fonts")
REGULAR, BOLD = "DejaVuSans.ttf", "DejaVuSans-Bold.ttf"
# Title sizes tried from largest to smallest until the title fits its box.
TITLE_SIZES = (80, 70, 60, 52, 46)
TITLE_TOP, TITLE_BOTTOM = 238, 440
# Anti-aliased edges only ever blend two of the card's colours: a fixed palette of those blends
# makes a PNG 3 times smaller than RGB, 6 times faster than an adaptive palette.
BLENDS = ((BRAND, WHITE), (BRAND, LIGHT), (BRAND, ACCENT), (WHITE, BRAND_DARK), (BRAND_DARK, WHITE))
STEPS = 16


@dataclass(frozen=True)
class Card:
    kicker: str  # "Fiche métier", "Secteur d'activité"
    title: str
    badge: str  # "CNP 42201", "12 métiers"
    detail: str  # official NOC title, or ""
    site: str  # "Fais le saut"
    tagline: str
    host: str  # "faislesaut.csmoesac.qc.ca"
    owner: str  # "CSMO-ÉSAC"

    def inputs(self) -> dict:
        return asdict(self)


def find_fonts(dirs=FONT_DIRS) -> tuple[str, str] | None:
    """(regular, bold) font files of the first folder that has both, or None."""
    for folder in dirs:
        regular, bold = Path(folder) / REGULAR, Path(folder) / BOLD
        if regular.is_file() and bold.is_file():
            return str(regular), str(bold)
    return None


@cache
def _font(path: str | None, size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    # Pillow's built-in font is the fallback when no font package is installed (a warning says so).
    return ImageFont.truetype(path, size) if path else ImageFont.load_default(size)


def wrap(text: str, font, width: int) -> list[str]:
    """Greedy word wrap to `width` pixels; a word longer than the line stays whole."""
    lines: list[str] = []
    for word in text.split():
        if lines and font.getlength(f"{lines[-1]} {word}") <= width:
            lines[-1] += f" {word}"
        else:
            lines.append(word)
    return lines


def clip(lines: list[str], count: int, font, width: int) -> list[str]:
    """At most `count` lines, the last one shortened with an ellipsis if text was cut."""
    if len(lines) <= count:
        return lines
    last = " ".join(lines[count - 1 :])
    while last and font.getlength(last + "…") > width:
        last = last[:-1].rstrip()
    return [*lines[: count - 1], last + "…"]


def fit_title(title: str, bold: str | None, width: int, height: int):
    """(font, lines, line height) of the largest size at which the title fits the box."""
    for size in TITLE_SIZES:
        font = _font(bold, size)
        lines, line_height = wrap(title, font, width), round(size * 1.18)
        if len(lines) * line_height <= height and all(font.getlength(line) <= width for line in lines):
            return font, lines, line_height
    size = TITLE_SIZES[-1]
    font, line_height = _font(bold, size), round(size * 1.18)
    return font, clip(wrap(title, font, width), height // line_height, font, width), line_height


def fold_accents(text: str) -> str:
    """ "Métier" → "Metier": Pillow's built-in font has no accented letters."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


# Rows the per-card text is drawn into (kicker, title, badge and detail); the rest of a card is
# the same for every card of a site, drawn and quantized once per process.
VARIABLE_BOX = (0, 176, WIDTH, 536)


@cache
def background(site: str, tagline: str, host: str, owner: str, fonts: tuple[str, str] | None) -> Image.Image:
    """What every card of the site shares: colours, the leap, the site's name and the footer."""
    regular, bold = fonts or (None, None)
    image = Image.new("RGB", (WIDTH, HEIGHT), BRAND)
    pen = ImageDraw.Draw(image)
    # The "leap": two arcs in the top-right corner.
    pen.arc((960, -250, 1420, 210), start=90, end=200, fill=ACCENT, width=14)
    pen.arc((1050, -160, 1330, 120), start=90, end=210, fill=LIGHT, width=6)
    pen.text((MARGIN, 56), site, font=_font(bold, 44), fill=WHITE)
    pen.text((MARGIN, 112), tagline, font=_font(regular, 26), fill=LIGHT)
    pen.rectangle((0, 560, WIDTH, HEIGHT), fill=BRAND_DARK)
    footer = _font(regular, 28)
    pen.text((MARGIN, 595), host, font=footer, fill=WHITE, anchor="lm")
    pen.text((WIDTH - MARGIN, 595), owner, font=_font(bold, 28), fill=WHITE, anchor="rm")
    return image


@cache
def quantized_background(*identity) -> Image.Image:
    return quantize(background(*identity))


def printable(card: Card, fonts: tuple[str, str] | None) -> Card:
    if fonts is None:
        return Card(**{key: fold_accents(value) for key, value in card.inputs().items()})
    return card


def draw(card: Card, fonts: tuple[str, str] | None) -> Image.Image:
    regular, bold = fonts or (None, None)
    card = printable(card, fonts)
    image = background(card.site, card.tagline, card.host, card.owner, fonts).copy()
    pen = ImageDraw.Draw(image)
    inner = WIDTH - 2 * MARGIN

    pen.text((MARGIN, 186), card.kicker.upper(), font=_font(bold, 28), fill=ACCENT)

    font, lines, line_height = fit_title(card.title, bold, inner, TITLE_BOTTOM - TITLE_TOP)
    for index, line in enumerate(lines):
        pen.text((MARGIN, TITLE_TOP + index * line_height), line, font=font, fill=WHITE)

    badge_font, top = _font(bold, 34), 462
    badge_width = round(badge_font.getlength(card.badge)) + 48
    pen.rounded_rectangle((MARGIN, top, MARGIN + badge_width, top + 60), radius=30, fill=WHITE)
    pen.text((MARGIN + 24, top + 30), card.badge, font=badge_font, fill=BRAND_DARK, anchor="lm")
    if card.detail:
        detail_font, left = _font(regular, 24), MARGIN + badge_width + 24
        detail = clip(
            wrap(card.detail, detail_font, WIDTH - MARGIN - left), 2, detail_font, WIDTH - MARGIN - left
        )
        for index, line in enumerate(detail):
            pen.text(
                (left, top + 30 + (index - (len(detail) - 1) / 2) * 30),
                line,
                font=detail_font,
                fill=LIGHT,
                anchor="lm",
            )
    return image


@cache
def palette() -> Image.Image:
    colours: list[tuple[int, ...]] = []
    for start, end in BLENDS:
        a, b = ImageColor.getrgb(start), ImageColor.getrgb(end)
        for step in range(STEPS):
            colour = tuple(round(a[i] + (b[i] - a[i]) * step / (STEPS - 1)) for i in range(3))
            if colour not in colours:
                colours.append(colour)
    image = Image.new("P", (1, 1))
    image.putpalette([value for colour in colours for value in colour])
    return image


def quantize(image: Image.Image) -> Image.Image:
    """Nearest palette colour, pixel by pixel (no dithering): a region quantizes on its own."""
    return image.quantize(palette=palette(), dither=Image.Dither.NONE)


def render(card: Card, fonts: tuple[str, str] | None) -> bytes:
    """The card as PNG bytes (a top-level function: worker processes call it).

    Only the rows holding the card's own text are quantized; the shared rows come from the
    quantized background. zlib level 1: files half again as large as level 6, 2.4 times faster."""
    shared = printable(card, fonts)
    image = quantized_background(shared.site, shared.tagline, shared.host, shared.owner, fonts).copy()
    image.paste(quantize(draw(card, fonts).crop(VARIABLE_BOX)), VARIABLE_BOX[:2])
    out = io.BytesIO()
    image.save(out, "PNG", compress_level=1)
    return out.getvalue()
