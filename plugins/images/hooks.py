"""Pelican glue: plan every image of the site, make the missing ones, copy them into the output."""

from __future__ import annotations

import hashlib
import json
import logging
import time
from pathlib import Path
from urllib.parse import urlsplit

import PIL
from markupsafe import Markup
from pelican.contents import Article
from pelican.generators import ArticlesGenerator, PagesGenerator

from plugins.content_model.build import Build
from plugins.content_model.memo import Memo
from plugins.content_model.parallel import memoized_map

from . import cards, illustrations, qr
from .cache import Batch, Job, digest, source_digest

logger = logging.getLogger(__name__)

CARDS_DIR = "cartes"
SIZES_DIR = "images/tailles"
SITE_CARD = f"{CARDS_DIR}/fais-le-saut.png"
# Preview builds only: which image each file of the output folder is (see finish_images).
PLACED = ".apercu-images.json"


def public_url(settings: dict) -> str:
    """Base URL of the published site (PUBLIC_URL), used where a full address is needed."""
    return (settings.get("PUBLIC_URL") or settings.get("SITEURL") or "").rstrip("/")


def identity(settings: dict) -> dict:
    return {
        "site": settings["SITENAME"],
        "tagline": settings.get("SITESUBTITLE", ""),
        "host": urlsplit(public_url(settings)).netloc,
        "owner": settings.get("AUTHOR", ""),
    }


def metier_card(metier, settings: dict) -> cards.Card:
    unit = Build.of(metier._context).unit_group(metier.cnp)
    return cards.Card(
        "Fiche métier", metier.title, f"CNP {metier.cnp}", unit.titre if unit else "", **identity(settings)
    )


def secteur_card(secteur, count: int, settings: dict) -> cards.Card:
    badge = f"{count} métier{'s' if count > 1 else ''}"
    return cards.Card("Secteur d'activité", secteur.title, badge, "", **identity(settings))


def site_card(settings: dict) -> cards.Card:
    return cards.Card(
        "Fiches métiers", settings.get("SLOGAN", settings["SITENAME"]), "CNP 2021", "", **identity(settings)
    )


class Planner:
    """Collects (destination in the output, job) pairs; each job's key hashes all its inputs."""

    def __init__(self, settings: dict):
        self.fonts = cards.find_fonts(settings.get("SOCIAL_CARD_FONT_DIRS", cards.FONT_DIRS))
        if self.fonts is None:
            logger.warning(
                "images: police DejaVu introuvable (paquet Debian fonts-dejavu-core) : "
                "cartes de partage dessinées avec la police intégrée de Pillow, sans accents"
            )
        fonts = source_digest(*self.fonts) if self.fonts else "pillow-builtin"
        self.card_code = digest(source_digest(cards.__file__), fonts, PIL.__version__)
        self.image_code = digest(source_digest(illustrations.__file__), PIL.__version__)
        self.planned: list[tuple[str, Job]] = []

    def card_job(self, card: cards.Card) -> Job:
        return Job(digest("card", self.card_code, card.inputs()), ".png", cards.render, (card, self.fonts))

    def card(self, dest: str, card: cards.Card) -> str:
        self.planned.append((dest, self.card_job(card)))
        return dest

    def illustration(self, source: Path) -> list[tuple[illustrations.Variant, str]]:
        data = source.read_bytes()
        sha = hashlib.sha256(data).hexdigest()
        variants = []
        for variant in illustrations.plan(data):
            dest = f"{SIZES_DIR}/{source.stem}-{variant.width}{variant.suffix}"
            key = digest("illustration", self.image_code, sha, variant.width, variant.format)
            self.planned.append((dest, Job(key, variant.suffix, illustrations.resize, (data, variant))))
            variants.append((variant, dest))
        return variants


def picture(variants: list[tuple[illustrations.Variant, str]], alt: str) -> dict:
    """What the illustration macro needs: srcsets per format and the largest fallback's size."""
    webp = [(v, dest) for v, dest in variants if v.format == "webp"]
    fallback = [(v, dest) for v, dest in variants if v.format != "webp"]
    largest, src = fallback[-1]
    return {
        "alt": alt,
        "webp": [(dest, v.width) for v, dest in webp],
        "fallback": [(dest, v.width) for v, dest in fallback],
        "src": src,
        "width": largest.width,
        "height": largest.height,
    }


class Images:
    """The images of one build (kept in the build's state): cards start in the workers as soon
    as each profile is read, and are placed in the output once the pages are written."""

    def __init__(self, settings: dict):
        self.started = time.perf_counter()
        self.planner = Planner(settings)
        self.cache = Path(settings.get("IMAGES_CACHE_PATH") or Path(settings["CACHE_PATH"]) / "images")
        self.batch = Batch(self.cache, settings.get("IMAGES_WORKERS"))
        self.planned: list[tuple[str, Job]] = []

    @classmethod
    def of(cls, context: dict) -> Images:
        state = Build.of(context).state
        if "images" not in state:  # not setdefault: that would build (and hash fonts) every call
            state["images"] = cls(context)
        return state["images"]


def start_early(content):
    """As soon as a profile is read, start drawing its card in the workers: drawing then runs
    alongside the reading of the other files and the writing of the pages."""
    if isinstance(content, Article):
        images = Images.of(content._context)
        images.batch.add(images.planner.card_job(metier_card(content, content.settings)))


def qr_code_target(metier, settings: dict) -> tuple[str, str]:
    url = f"{public_url(settings)}/{metier.url}"
    return url, f"Code QR de l'adresse de cette fiche : {url}"


def make_images(generators):
    """Social cards for every profile, sector and the site; QR codes; illustration sizes.

    Plans every file (cards started while reading are not started again), sends the rest to the
    workers and returns: Pelican writes the pages meanwhile; finish_images places the files."""
    articles = next(g for g in generators if isinstance(g, ArticlesGenerator))
    pages = next(g for g in generators if isinstance(g, PagesGenerator))
    settings = articles.settings
    images = Images.of(articles.context)
    planner = images.planner
    # QR drawings are images of the pages' addresses: kept with the other images (the folder CI
    # keeps), whatever CONTENT_MEMO says.
    memo = Memo(
        images.cache / "qr.pickle",
        True,
        [qr.__file__],
        ("qrcode",),
        defer=bool(settings.get("PREVIEW_INCREMENTAL")),
    )
    targets = [qr_code_target(metier, settings) for metier in articles.articles]
    urls = [url for url, _ in targets]
    drawings = memoized_map(memo, "qr", urls, qr.drawings, urls)
    for metier, (url, label), found in zip(articles.articles, targets, drawings, strict=True):
        metier.social_card = planner.card(
            f"{CARDS_DIR}/metiers/{metier.slug}.png", metier_card(metier, settings)
        )
        # A drawing kept between builds goes into the page only if it is what qr.row_path writes.
        size, path = found if qr.valid(found) else qr.drawing(url)
        metier.qr_svg = Markup(qr.svg(size, path, label).decode())
        if getattr(metier, "illustration", None):
            source = Path(settings["PATH"]) / "images" / metier.illustration
            metier.illustration_image = picture(planner.illustration(source), metier.illustration_alt)
    for secteur in pages.pages:
        count = sum(secteur.slug in metier.secteurs for metier in articles.articles)
        secteur.social_card = planner.card(
            f"{CARDS_DIR}/secteurs/{secteur.slug}.png", secteur_card(secteur, count, settings)
        )
    articles.context["carte_site"] = planner.card(SITE_CARD, site_card(settings))
    images.planned = planner.planned
    memo.save()
    for _, job in planner.planned:
        images.batch.add(job)
    images.batch.flush()


def placed_before(output: Path, settings: dict) -> dict[str, str]:
    """In an incremental preview build (written in place), the images the last preview build put
    in this output folder: {destination: job key}."""
    if not settings.get("PREVIEW_INCREMENTAL"):
        return {}
    try:
        placed = json.loads((output / PLACED).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return placed if isinstance(placed, dict) else {}


def finish_images(generator, writer):
    """Once the pages are written (the last writer), wait for the files still being made and put
    every planned image in the output, each checked against its digest. A preview build after an
    edit leaves in place the files it would write again unchanged (same key: same inputs)."""
    images = Build.of(generator.context).state.pop("images", None)
    if images is None:
        return
    images.batch.wait()
    output = Path(generator.output_path)
    before = placed_before(output, generator.settings)
    for dest, job in images.planned:
        target = output / dest
        if before.get(dest) == job.key and target.is_file():
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(images.batch.data(job.key))
    if generator.settings.get("PREVIEW"):
        placed = {dest: job.key for dest, job in images.planned}
        (output / PLACED).write_text(json.dumps(placed), encoding="utf-8")
    logger.info(
        "images: %d fichiers (%d produits) en %.2f s",
        len(images.planned),
        images.batch.made,
        time.perf_counter() - images.started,
    )
