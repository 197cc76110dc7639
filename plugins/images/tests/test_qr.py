import re
from pathlib import Path

import zxingcpp
from PIL import Image, ImageDraw

from plugins.images.qr import qr_svg, runs

URL = "https://faislesaut.csmoesac.qc.ca/metiers/intervenant-en-maison-d-hebergement/"


def rasterize(svg: str, scale: int = 8) -> Image.Image:
    """Draw the SVG's path ("M x y.5 h n" then "m dx 0 h n") the way a browser would."""
    size = int(re.search(r'viewBox="0 0 (\d+) \d+"', svg).group(1))
    image = Image.new("L", (size * scale, size * scale), 255)
    pen = ImageDraw.Draw(image)
    path = re.search(r'<path stroke="#000" d="([^"]+)"', svg).group(1)
    x = y = 0
    for command, a, b in re.findall(r"([Mmh])(-?[\d.]+)(?: (-?[\d.]+))?", path):
        if command == "M":
            x, y = int(a), int(float(b))
        elif command == "m":
            x += int(a)
        else:
            pen.rectangle((x * scale, y * scale, (x + int(a)) * scale - 1, (y + 1) * scale - 1), fill=0)
            x += int(a)
    return image


def test_qr_code_scans_to_the_url():
    svg = qr_svg(URL, "Code QR").decode()
    results = zxingcpp.read_barcodes(rasterize(svg))
    assert [r.text for r in results] == [URL]


def test_qr_code_is_small_enough_to_inline_in_every_page():
    assert len(qr_svg(URL, "Code QR")) < 4000


def test_qr_code_has_an_accessible_name_and_escapes_it():
    svg = qr_svg(URL, 'Code QR de "cette" fiche').decode()
    assert 'role="img"' in svg
    assert 'aria-label="Code QR de &quot;cette&quot; fiche"' in svg


def test_runs_finds_the_dark_stretches_of_a_row():
    assert runs([True, True, False, True, False, False, True]) == [(0, 2), (3, 1), (6, 1)]
    assert runs([False, False]) == []


def test_every_profile_address_scans_with_the_fixed_mask():
    # The mask is fixed rather than scored (qr.MASK): check it on every real address, drawn small.
    content = Path(__file__).resolve().parents[3] / "content" / "metiers"
    urls = [f"https://faislesaut.csmoesac.qc.ca/metiers/{path.stem}/" for path in content.glob("*.md")]
    assert len(urls) > 200
    unread = [
        u
        for u in urls
        if [r.text for r in zxingcpp.read_barcodes(rasterize(qr_svg(u, "QR").decode(), 3))] != [u]
    ]
    assert unread == []


def test_a_drawing_kept_between_builds_goes_into_a_page_only_if_it_is_a_qr_path():
    from plugins.images.qr import drawing, valid

    assert valid(drawing("https://faislesaut.csmoesac.qc.ca/metiers/archiviste/"))
    for hostile in [(41, 'M4 4.5h7"/><script>alert(1)</script>'), ("41", "M4 4.5h7"), ["41", ""], None]:
        assert not valid(hostile)
