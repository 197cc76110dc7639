import io

from PIL import Image, ImageChops

from plugins.images.cards import (
    HEIGHT,
    VARIABLE_BOX,
    WIDTH,
    Card,
    draw,
    find_fonts,
    fit_title,
    quantize,
    render,
    wrap,
)
from plugins.images.hooks import Planner

FONTS = find_fonts()


def card(title="Intervenant·e communautaire", badge="CNP 42201", detail="Travailleurs/travailleuses"):
    return Card(
        "Fiche métier",
        title,
        badge,
        detail,
        "Fais le saut",
        "Les métiers de l'économie sociale et de l'action communautaire",
        "faislesaut.csmoesac.qc.ca",
        "CSMO-ÉSAC",
    )


def test_card_is_a_1200_by_630_png():
    image = Image.open(io.BytesIO(render(card(), FONTS)))
    assert image.format == "PNG"
    assert image.size == (WIDTH, HEIGHT) == (1200, 630)


def test_same_card_gives_the_same_bytes_and_another_title_another_card():
    assert render(card(), FONTS) == render(card(), FONTS)
    assert render(card(), FONTS) != render(card(title="Cuisinier·ère"), FONTS)


def test_the_debian_font_is_found_here():
    assert FONTS is not None, "fonts-dejavu-core is missing: `invoke test` installs it"


def test_a_long_title_is_wrapped_inside_the_card():
    title = (
        "Intervenant·e en maison d'hébergement pour femmes victimes de violence conjugale et leurs enfants"
    )
    font, lines, line_height = fit_title(title, FONTS[1], 1040, 200)
    assert len(lines) >= 2
    assert all(font.getlength(line) <= 1040 for line in lines)
    assert len(lines) * line_height <= 200
    assert " ".join(lines).replace("…", "") in title


def test_a_title_too_long_for_the_box_ends_with_an_ellipsis():
    font, lines, _ = fit_title("mot " * 80, FONTS[1], 1040, 200)
    assert lines[-1].endswith("…")


def test_without_font_package_the_builtin_font_still_draws_a_card():
    assert find_fonts(["/nonexistent"]) is None
    image = Image.open(io.BytesIO(render(card(title="Éducatrice à la petite enfance"), None)))
    assert image.size == (1200, 630)


def test_wrap_keeps_words_whole():
    font = fit_title("x", FONTS[1], 1040, 200)[0]
    assert wrap("un deux trois", font, 10) == ["un", "deux", "trois"]


def test_a_missing_font_package_is_reported_with_its_name(caplog):
    planner = Planner({"SOCIAL_CARD_FONT_DIRS": ["/nonexistent"]})
    assert planner.fonts is None
    assert "fonts-dejavu-core" in caplog.text


def test_everything_specific_to_a_card_is_drawn_inside_the_variable_box():
    long = card(title="Mot " * 40, badge="CNP 99999 " * 3, detail="Détail très long " * 12)
    short = card(title="A", badge="1", detail="")
    a, b = draw(long, FONTS), draw(short, FONTS)
    left, top, right, bottom = VARIABLE_BOX
    differing = ImageChops.difference(a, b).getbbox()
    assert differing is not None
    assert left <= differing[0] and top <= differing[1] and differing[2] <= right and differing[3] <= bottom


def test_quantizing_the_variable_rows_alone_gives_the_whole_card_quantized():
    drawn = card(title="Éducatrice à la petite enfance")
    whole = quantize(draw(drawn, FONTS))
    assert Image.open(io.BytesIO(render(drawn, FONTS))).tobytes() == whole.tobytes()
