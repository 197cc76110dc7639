"""Pelican glue: plan every image of the site, make the missing ones, copy them into the output."""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
import time
from importlib.metadata import version
from pathlib import Path
from urllib.parse import urlsplit

import PIL
from pelican.contents import Article
from pelican.generators import ArticlesGenerator, PagesGenerator

from . import cards, illustrations, qr
from .cache import Batch, Job, digest, source_digest

logger = logging.getLogger(__name__)

CARDS_DIR = "cartes"
SIZES_DIR = "images/tailles"
SITE_CARD = f"{CARDS_DIR}/fais-le-saut.png"


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
    unit = (settings.get("NOC_UNIT_GROUPS") or {}).get(metier.cnp)
    return cards.Card(
        "Fiche métier", metier.title, f"CNP {metier.cnp}", unit.titre if unit else "", **identity(settings)
    )


def secteur_card(secteur, count: int, settings: dict) -> cards.Card:
    badge = f"{count} métier{'s' if count > 1 else ''}"
    return cards.Card("Secteur d'activité", secteur.title, badge, "", **identity(settings))


def site_card(settings: dict) -> cards.Card:
    return cards.Card(
        "Fiches métiers", "Fais le saut dans un métier qui a du sens", "CNP 2021", "", **identity(settings)
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
        self.qr_code = digest(source_digest(qr.__file__), version("qrcode"))
        self.image_code = digest(source_digest(illustrations.__file__), PIL.__version__)
        self.planned: list[tuple[str, Job]] = []

    def card_job(self, card: cards.Card) -> Job:
        return Job(digest("card", self.card_code, card.inputs()), ".png", cards.render, (card, self.fonts))

    def qr_job(self, url: str, label: str) -> Job:
        return Job(digest("qr", self.qr_code, url, label), ".svg", qr.qr_svg, (url, label))

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


class Deferred:
    """A generated file's text, read when a template prints it (a worker may still be making it:
    QR codes start as profiles are read, in their own queue, so each is usually ready by the
    time its page is written)."""

    def __init__(self, batch: Batch, key: str):
        self.batch, self.key = batch, key

    def __str__(self) -> str:
        return self.batch.path(self.key).read_text(encoding="utf-8")

    __html__ = __str__


class Build:
    """The images of the build under way: started as profiles are read, finished at `finalized`.

    QR codes have a queue (and a worker) of their own: a page waits for its QR code when it is
    written, and files are read in directory order, not in the order pages are written, so a
    QR code queued behind thousands of cards would hold the writing up."""

    planner: Planner | None = None
    qr_codes: Batch | None = None
    images: Batch | None = None
    planned: list[tuple[str, Job]] = []
    started = 0.0

    @classmethod
    def reset(cls) -> None:
        cls.planner, cls.qr_codes, cls.images, cls.planned, cls.started = None, None, None, [], 0.0

    @classmethod
    def ready(cls, settings: dict) -> tuple[Planner, Batch, Batch]:
        if cls.planner is None:
            cls.started = time.perf_counter()
            cls.planner = Planner(settings)
            cache = Path(settings.get("IMAGES_CACHE_PATH") or Path(settings["CACHE_PATH"]) / "images")
            workers = settings.get("IMAGES_WORKERS")
            cls.images = Batch(cache, workers)
            cls.qr_codes = Batch(cache, min(cls.images.workers, 1))
        return cls.planner, cls.qr_codes, cls.images


def start_early(content):
    """As soon as a profile is read, start its QR code and card in the workers: drawing then
    runs alongside the reading of the other files and the writing of the pages."""
    if not isinstance(content, Article):
        return
    planner, qr_codes, images = Build.ready(content.settings)
    qr_codes.add(planner.qr_job(*qr_code_target(content, content.settings)))
    images.add(planner.card_job(metier_card(content, content.settings)))


def qr_code_target(metier, settings: dict) -> tuple[str, str]:
    url = f"{public_url(settings)}/{metier.url}"
    return url, f"Code QR de l'adresse de cette fiche : {url}"


def make_images(generators):
    """Social cards for every profile, sector and the site; QR codes; illustration sizes.

    Plans every file (those started while reading are not started again), sends the rest to the
    workers and returns: Pelican writes the pages meanwhile; finish_images waits for the files
    and puts them in the output."""
    articles = next(g for g in generators if isinstance(g, ArticlesGenerator))
    pages = next(g for g in generators if isinstance(g, PagesGenerator))
    settings = articles.settings
    planner, qr_codes, images = Build.ready(settings)

    qr_jobs = {metier.slug: planner.qr_job(*qr_code_target(metier, settings)) for metier in articles.articles}
    for metier in articles.articles:
        metier.social_card = planner.card(
            f"{CARDS_DIR}/metiers/{metier.slug}.png", metier_card(metier, settings)
        )
        if getattr(metier, "illustration", None):
            source = Path(settings["PATH"]) / "images" / metier.illustration
            metier.illustration_image = picture(planner.illustration(source), metier.illustration_alt)
    for secteur in pages.pages:
        count = sum(secteur.slug in metier.secteurs for metier in articles.articles)
        secteur.social_card = planner.card(
            f"{CARDS_DIR}/secteurs/{secteur.slug}.png", secteur_card(secteur, count, settings)
        )
    articles.context["carte_site"] = planner.card(SITE_CARD, site_card(settings))

    Build.planned = planner.planned
    for metier in articles.articles:
        qr_codes.add(qr_jobs[metier.slug])
        metier.qr_svg = Deferred(qr_codes, qr_jobs[metier.slug].key)
    for _, job in planner.planned:
        images.add(job)
    qr_codes.flush()
    images.flush()


def place(source: Path, target: Path) -> None:
    """Hard-link the cached file into the output (a copy across file systems): the cache only ever
    replaces its files, never rewrites them, so the output cannot change under a link."""
    target.parent.mkdir(parents=True, exist_ok=True)
    target.unlink(missing_ok=True)
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)


def reset_images(pelican):
    Build.reset()


def finish_images(pelican):
    """Wait for the files still being made, then put every planned image in the output."""
    batches, planned, started = (Build.qr_codes, Build.images), Build.planned, Build.started
    Build.reset()
    if None in batches:
        return
    paths = {key: path for batch in batches for key, path in batch.wait().items()}
    made = sum(batch.made for batch in batches)
    output = Path(pelican.output_path)
    for dest, job in planned:
        place(paths[job.key], output / dest)
    logger.info(
        "images: %d fichiers (%d produits, %d en cache) en %.2f s",
        len(paths),
        made,
        len(paths) - made,
        time.perf_counter() - started,
    )
