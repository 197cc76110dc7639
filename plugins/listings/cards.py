"""Each profile's card (macros/metier_card.html) drawn once per build and variant, then reused by
every page that lists it: at 2,000 profiles the lists and the related profiles show about 36,000
cards, of about 8,000 different ones."""

from __future__ import annotations

from jinja2 import pass_context

from plugins.content_model.build import CONTEXT_KEY

MACRO = "macros/metier_card.html"


@pass_context
def carte(
    context, metier, siteurl: str, heading: str = "h3", show_secteurs: bool = True, filtres: bool = False
):
    draw = context.environment.get_template(MACRO).module.metier_card
    build = context.get(CONTEXT_KEY)
    if build is None:  # a template rendered outside a build: nothing to share
        return draw(metier, siteurl, heading=heading, show_secteurs=show_secteurs, filtres=filtres)
    drawn = build.state.setdefault("cartes", {})
    key = (metier.slug, siteurl, heading, show_secteurs, filtres)
    if key not in drawn:
        drawn[key] = draw(metier, siteurl, heading=heading, show_secteurs=show_secteurs, filtres=filtres)
    return drawn[key]


def add_filter(generator):
    if hasattr(generator, "env"):
        generator.env.filters["carte"] = carte
