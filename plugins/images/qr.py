"""QR code of a page's URL as a small inline SVG, for the printed fiche.

The `qrcode` library encodes; the SVG is written here as one path of horizontal runs (about
2 KB instead of the library's 11 KB of one square per module), so it can sit in every profile page.
"""

from __future__ import annotations

import re
from html import escape

import qrcode
from qrcode.constants import ERROR_CORRECT_M

QUIET_ZONE = 4  # modules of white border that scanners need
# Any of the eight masks makes a valid code; choosing the "best" one scores all eight and takes
# six times longer (8 ms instead of 1.4 ms per page). Scanning is tested (tests/test_qr.py).
MASK = 2


def runs(row) -> list[tuple[int, int]]:
    """[(start, length)] of the dark modules of one row (any truthy cell is dark)."""
    found, start = [], None
    for x, dark in enumerate([*row, False]):
        if dark and start is None:
            start = x
        elif not dark and start is not None:
            found.append((start, x - start))
            start = None
    return found


def row_path(y: int, row_runs: list[tuple[int, int]]) -> str:
    """SVG path of one row: a 1-unit stroke along y + .5 paints exactly that row's modules;
    after the first run, relative moves ("m3 0") keep the path short."""
    parts, end = [], None
    for x, length in row_runs:
        parts.append(f"M{x} {y}.5h{length}" if end is None else f"m{x - end} 0h{length}")
        end = x + length
    return "".join(parts)


def matrix(url: str) -> tuple[tuple[bool, ...], ...]:
    """The QR code's modules (medium error correction, fixed mask), quiet zone included."""
    code = qrcode.QRCode(error_correction=ERROR_CORRECT_M, border=QUIET_ZONE, mask_pattern=MASK)
    code.add_data(url)
    code.make(fit=True)
    return tuple(tuple(bool(cell) for cell in row) for row in code.get_matrix())


def drawing(url: str) -> tuple[int, str]:
    """(size, SVG path) of the QR code of `url`."""
    modules = matrix(url)
    return len(modules), "".join(row_path(y, runs(row)) for y, row in enumerate(modules))


def drawings(urls: list[str]) -> list[tuple[int, str]]:
    """`drawing` of each URL (run in worker processes for large sites)."""
    return [drawing(url) for url in urls]


# What row_path writes, and nothing else: a drawing kept between builds is checked against it
# before it goes into a page, so a damaged or hostile cache can never put markup there.
_PATH = re.compile(r"(?:[Mm]\d+ \d+(?:\.5)?h\d+)*")


def valid(found) -> bool:
    return (
        isinstance(found, tuple)
        and len(found) == 2
        and isinstance(found[0], int)
        and isinstance(found[1], str)
        and _PATH.fullmatch(found[1]) is not None
    )


def svg(size: int, path: str, label: str) -> bytes:
    """An accessible SVG of a drawing."""
    return (
        f'<svg class="qr" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {size} {size}" role="img" '
        f'aria-label="{escape(label)}" shape-rendering="crispEdges">'
        f'<rect width="{size}" height="{size}" fill="#fff"/><path stroke="#000" d="{path}"/></svg>'
    ).encode()


def qr_svg(url: str, label: str) -> bytes:
    """An accessible SVG QR code that scans to `url`."""
    return svg(*drawing(url), label)
