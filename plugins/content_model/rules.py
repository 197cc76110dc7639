"""Every content rule, in one module: `invoke check`, the build, CI and the corpus tests all call
`check()`. Each rule returns Problems (file, line, field, why, value) in French for editors.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from collections.abc import Iterable
from functools import cache
from itertools import chain, islice
from pathlib import Path
from urllib.parse import urlsplit

import jsonschema

from .corpus import Corpus, Fiche
from .memo import Memo, text_key
from .model import (
    INTERETS,
    JOURNEE_TYPE,
    MIN_JOURNEE_WORDS,
    MIN_WORDS,
    SECTIONS,
    Problem,
    schema,
    sorted_problems,
)
from .reference import Reference
from .sanitize import url_problem

# A sentence shared by this many profiles is boilerplate; a five-word opening shared by more
# than MAX_OPENINGS profiles is a mould.
MAX_SHARED_SENTENCE = 2
MAX_OPENINGS = 5
PLACEHOLDER = re.compile(r"(?m)^\s*À (compléter|rédiger|préciser)\b|\bTODO\b|\blorem ipsum\b")
FIGURES = re.compile(r"\d[\d  ,.]*\s?\$|\$\s?\d|\d+\s?%|\bk\$")
APPELLATION_FORMS = (
    (
        re.compile(r"/"),
        "forme à barre oblique de la CNP : écrire une forme inclusive (« intervenant·e ») ou une forme par ligne",
    ),
    (re.compile(r"(?i)^autres?\b"), "libellé « autre … » de la CNP : personne ne cherche ce titre"),
)
_WORD = re.compile(r"[\wÀ-ÿ’'-]+")
# The code and schemas the per-file problems come from (any change starts a fresh memo table).
MEMO_SOURCES = (
    Path(__file__),
    Path(__file__).with_name("model.py"),
    *sorted((Path(__file__).parent / "schema").glob("*.json")),
)

_MESSAGES = {
    "required": "champ obligatoire manquant",
    "additionalProperties": "champ inconnu (vérifier l'orthographe)",
    "type": "type invalide",
    "pattern": "format invalide",
    "minLength": "texte trop court",
    "maxLength": "texte trop long",
    "minItems": "liste trop courte",
    "maxItems": "liste trop longue",
    "uniqueItems": "la liste contient des doublons",
    "enum": "valeur non permise",
    "format": "date invalide (AAAA-MM-JJ)",
    "minimum": "valeur trop petite",
    "maximum": "valeur trop grande",
    "const": "valeur non permise",
}
# What an editor should write, per field (said when the format or type is wrong).
_EXPECTED = {
    "cnp": 'un code CNP 2021 de 5 chiffres entre guillemets, ex. "42201"',
    "cnp_2016": 'des codes CNP 2016 de 4 chiffres entre guillemets, ex. ["4212"]',
    "cnp_principal": "true, ou retirer le champ",
    "secteurs": "le nom de fichier d'un secteur, en minuscules avec traits d'union, ex. petite-enfance",
    "related": "le nom de fichier d'une fiche, sans .md, ex. cuisinier",
    "updated": "une date AAAA-MM-JJ",
    "revise_le": "une date AAAA-MM-JJ",
    "title": "du texte sans < > { }",
    "resume": "une phrase de 30 à 250 caractères, sans < > { }",
    "appellations": "des titres d'emploi, sans < > { }",
}


def closest(value: str, choices: Iterable[str], count: int = 3) -> list[str]:
    return difflib.get_close_matches(value, sorted(choices), n=count, cutoff=0.3)


def suggest(value: str, choices: Iterable[str]) -> str:
    found = closest(value, choices)
    return f" ; valeurs proches : {', '.join(found)}" if found else ""


@cache
@cache
def _validator(kind: str) -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(
        schema(kind), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )


def schema_problems(fiche: Fiche) -> list[Problem]:
    problems = []
    for error in _validator(fiche.kind).iter_errors(fiche.data):
        path = [str(p) for p in error.absolute_path]
        if error.validator == "required":
            missing = re.findall(r"'([^']+)'", error.message)[:1] or ["?"]
            problems.append(Problem(fiche.rel, ".".join(path + missing), _MESSAGES["required"]))
            continue
        if error.validator == "additionalProperties":
            known = set((error.schema or {}).get("properties", {}))
            for extra in sorted(set(error.instance) - known):
                name = ".".join([*path, str(extra)])
                hint = difflib.get_close_matches(str(extra), sorted(known), n=1, cutoff=0.75)
                more = f" ; vouliez-vous dire « {hint[0]} » ?" if hint else ""
                problems.append(
                    Problem(fiche.rel, name, _MESSAGES["additionalProperties"] + more, line=fiche.line(name))
                )
            continue
        field = ".".join(path) or "front matter"
        message = _MESSAGES.get(error.validator, "valeur invalide")
        if error.validator in ("pattern", "type") and path and path[0] in _EXPECTED:
            message += f" : attendu {_EXPECTED[path[0]]}"
        if error.validator == "enum":
            message += " : choisir parmi " + ", ".join(map(str, error.validator_value))
        if error.validator in ("minItems", "maxItems"):
            message += (
                f" ({'au moins' if error.validator == 'minItems' else 'au plus'} {error.validator_value})"
            )
        value = None if isinstance(error.instance, dict | list) else str(error.instance)
        problems.append(Problem(fiche.rel, field, message, value, fiche.line(field)))
    return problems


def secteur_problems(fiches: list[Fiche], reference: Reference) -> list[Problem]:
    """Sector pages: exactly the 32 official sectors, each under its official name."""
    official = {s.nom: s for s in reference.secteurs.values()}
    problems = []
    for fiche in fiches:
        title = fiche.data.get("title")
        if not isinstance(title, str):
            continue
        if title not in official:
            names = closest(title, official, 1)
            hint = f" ; vouliez-vous dire « {names[0]} » ?" if names else ""
            problems.append(
                Problem(
                    fiche.rel,
                    "title",
                    "ce n'est pas un des 32 secteurs officiels du CSMO-ÉSAC (data/secteurs.yaml)" + hint,
                    title,
                    fiche.line("title"),
                )
            )
            continue
        if official[title].slug != fiche.slug:
            problems.append(
                Problem(
                    fiche.rel,
                    "title",
                    f"le fichier de ce secteur doit s'appeler « {official[title].slug}.md »",
                    title,
                    fiche.line("title"),
                )
            )
    return problems


def _items(value) -> list:
    return value if isinstance(value, list) else []


def metier_field_problems(fiche: Fiche, corpus: Corpus, reference: Reference) -> list[Problem]:
    data, rel, problems = fiche.data, fiche.rel, []
    secteurs = corpus.slugs["secteur"]
    for index, slug in enumerate(_items(data.get("secteurs"))):
        if isinstance(slug, str) and slug not in secteurs:
            problems.append(
                Problem(
                    rel,
                    "secteurs",
                    "secteur inconnu" + suggest(slug, secteurs),
                    slug,
                    fiche.line(f"secteurs.{index}"),
                )
            )
    metiers = corpus.slugs["metier"]
    for index, slug in enumerate(_items(data.get("related"))):
        if not isinstance(slug, str):
            continue
        if slug == fiche.slug:
            problems.append(
                Problem(
                    rel,
                    "related",
                    "une fiche ne peut pas se citer elle-même",
                    slug,
                    fiche.line(f"related.{index}"),
                )
            )
        elif slug not in metiers:
            problems.append(
                Problem(
                    rel,
                    "related",
                    "fiche inconnue" + suggest(slug, metiers),
                    slug,
                    fiche.line(f"related.{index}"),
                )
            )
    noc, code = reference.noc, data.get("cnp")
    if isinstance(code, str) and re.fullmatch(r"[0-9]{5}", code) and code not in noc.unit_groups:
        problems.append(Problem(rel, "cnp", "ce code n'existe pas dans la CNP 2021", code, fiche.line("cnp")))
    for index, old in enumerate(_items(data.get("cnp_2016"))):
        if not isinstance(old, str) or not re.fullmatch(r"[0-9]{4}", old):
            continue
        where = fiche.line(f"cnp_2016.{index}")
        if old not in noc.codes_2016:
            problems.append(Problem(rel, "cnp_2016", "ce code n'existe pas dans la CNP 2016", old, where))
        elif isinstance(code, str) and code not in noc.to_2021.get(old, ()):
            targets = ", ".join(sorted(noc.to_2021.get(old, ())))
            problems.append(
                Problem(
                    rel,
                    "cnp_2016",
                    f"selon la concordance officielle, ce code 2016 devient {targets}, pas {code}",
                    old,
                    where,
                )
            )
    for index, name in enumerate(_items(data.get("appellations"))):
        if not isinstance(name, str):
            continue
        for pattern, message in APPELLATION_FORMS:
            if pattern.search(name):
                problems.append(
                    Problem(rel, "appellations", message, name, fiche.line(f"appellations.{index}"))
                )
        if isinstance(data.get("title"), str) and name.strip().lower() == data["title"].strip().lower():
            problems.append(
                Problem(
                    rel,
                    "appellations",
                    "répète le titre de la fiche",
                    name,
                    fiche.line(f"appellations.{index}"),
                )
            )
    for index, ident in enumerate(_items(data.get("formation"))):
        if isinstance(ident, str) and corpus.programmes and ident not in corpus.programmes:
            problems.append(
                Problem(
                    rel,
                    "formation",
                    "programme absent de content/formations.yaml" + suggest(ident, corpus.programmes),
                    ident,
                    fiche.line(f"formation.{index}"),
                )
            )
    illustration = data.get("illustration")
    if isinstance(illustration, str) and illustration not in corpus.images:
        problems.append(
            Problem(
                rel,
                "illustration",
                "image introuvable dans content/images/",
                illustration,
                fiche.line("illustration"),
            )
        )
    for key, value in _strings(data):
        if PLACEHOLDER.search(value):
            problems.append(Problem(rel, key, "texte à compléter", value[:60], fiche.line(key)))
    return problems


def _strings(data, path: str = ""):
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _strings(value, f"{path}.{key}" if path else str(key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _strings(value, f"{path}.{index}")
    elif isinstance(data, str):
        yield path, data


def link_problems(fiche: Fiche, known_pages: set[str]) -> list[Problem]:
    """Links and images as published: allowed addresses, internal pages that exist, home pages
    only under a label that says so; addresses and HTML written as plain text."""
    problems, body = [], fiche.body
    for link in body.links:
        where = fiche.body_line(link.href)
        reason = url_problem(link.href)
        if reason:
            problems.append(
                Problem(fiche.rel, "corps (lien)", f"{reason} ; le lien sera retiré", link.href, where)
            )
            continue
        if link.href.startswith("/"):
            path = link.href.split("#")[0].split("?")[0]
            if path.endswith(".html"):
                problems.append(
                    Problem(
                        fiche.rel,
                        "corps (lien)",
                        "les liens internes ne finissent pas par .html : écrire /metiers/<fiche>/",
                        link.href,
                        where,
                    )
                )
            elif path not in known_pages:
                problems.append(
                    Problem(
                        fiche.rel,
                        "corps (lien)",
                        "lien interne brisé : page inexistante" + suggest(path, known_pages),
                        link.href,
                        where,
                    )
                )
            continue
        parts = urlsplit(link.href)
        if parts.scheme in ("http", "https") and parts.path.strip("/") == "" and not parts.query:
            if not re.search(r"(?i)\b(site|accueil|portail)\b", link.text):
                problems.append(
                    Problem(
                        fiche.rel,
                        "corps (lien)",
                        "lien vers une page d'accueil : le libellé doit le dire (« Site de … », « Page d'accueil de … »)",
                        link.href,
                        where,
                    )
                )
    for src, _alt in body.images:
        reason = url_problem(src, image=True)
        if reason:
            problems.append(
                Problem(
                    fiche.rel, "corps (image)", f"{reason} ; l'image sera retirée", src, fiche.body_line(src)
                )
            )
    for address in body.addresses:
        problems.append(
            Problem(
                fiche.rel,
                "corps (lien)",
                "adresse écrite en texte : en faire un lien [libellé](https://…) ou <https://…>",
                address,
                fiche.body_line(address),
            )
        )
    for tag in body.tags:
        problems.append(
            Problem(
                fiche.rel,
                "corps",
                "HTML écrit dans le texte : il est affiché tel quel, jamais exécuté ; écrire en Markdown",
                tag,
                fiche.body_line(tag),
            )
        )
    return problems


def metier_body_problems(fiche: Fiche) -> list[Problem]:
    problems, body, rel = [], fiche.body, fiche.rel
    names = [text for level, text in body.headings if level == 2]
    for level, text in body.headings:
        if level == 1:
            problems.append(
                Problem(
                    rel,
                    "corps",
                    "titre de niveau 1 (# …) non permis : le titre vient du champ title",
                    text,
                    fiche.body_line(text),
                )
            )
    for name in names:
        if name not in SECTIONS:
            problems.append(
                Problem(
                    rel,
                    "corps",
                    "section non permise : seulement " + " / ".join(SECTIONS),
                    name,
                    fiche.body_line(f"## {name}"),
                )
            )
    for section in SECTIONS:
        if section not in names:
            problems.append(Problem(rel, "corps", f"section « ## {section} » manquante"))
    present = [n for n in names if n in SECTIONS]
    expected = [s for s in SECTIONS if s in present]
    if present != expected:
        wrong = next(a for a, b in zip(present, expected, strict=True) if a != b)
        problems.append(
            Problem(
                rel,
                "corps",
                f"sections dans le désordre : « {wrong} » est mal placée ; ordre attendu : "
                + " / ".join(SECTIONS),
                line=fiche.body_line(f"## {wrong}"),
            )
        )
    description = body.section("Description")
    if description is not None:
        journee = description.subsections.get(JOURNEE_TYPE)
        if journee is None:
            problems.append(
                Problem(
                    rel,
                    "corps",
                    f"sous-section « ### {JOURNEE_TYPE} » manquante à la fin de la Description",
                    line=fiche.body_line("## Description"),
                )
            )
        elif len(_WORD.findall(journee)) < MIN_JOURNEE_WORDS:
            problems.append(
                Problem(
                    rel,
                    "corps",
                    f"« {JOURNEE_TYPE} » trop courte : au moins {MIN_JOURNEE_WORDS} mots concrets",
                    str(len(_WORD.findall(journee))),
                    fiche.body_line(f"### {JOURNEE_TYPE}"),
                )
            )
    if body.words < MIN_WORDS:
        problems.append(
            Problem(
                rel,
                "corps",
                f"texte trop court : au moins {MIN_WORDS} mots de contenu réel",
                f"{body.words} mots",
            )
        )
    # The `in` tests skip the slower regular expressions for the (many) texts they cannot match.
    figures = FIGURES.findall(body.text) if "$" in body.text or "%" in body.text else []
    for match in figures:
        problems.append(
            Problem(
                rel,
                "corps",
                "pas de salaire ni de statistique : la fiche renvoie aux sources officielles",
                match.strip(),
                fiche.body_line(match.strip()),
            )
        )
    for block in (b for s in body.sections for b in [*s.paragraphs, *s.items]):
        found = ("À " in block or "TODO" in block or "lorem ipsum" in block) and PLACEHOLDER.search(block)
        if found:
            problems.append(
                Problem(rel, "corps", "texte à compléter", block[:60], fiche.body_line(block[:40]))
            )
    return problems


def _shared_by_too_many(texts: dict[str, dict], limit, by_slug, describe) -> list[Problem]:
    """One problem per profile for each text that more than ``limit`` profiles share.
    `texts`: each profile's texts. Counted in C first: at 2,000 profiles, 100,000 sentences, of
    which a handful are shared."""
    counts = Counter(chain.from_iterable(texts.values()))
    shared = {text: n for text, n in counts.items() if n > limit}  # first seen first
    holders: dict[str, list[str]] = {text: [] for text in shared}
    for slug, own in texts.items():
        for text in own.keys() & shared.keys():
            holders[text].append(slug)
    problems = []
    for text, n in shared.items():
        why, value = describe(text, n)
        problems += [Problem(by_slug[slug].rel, "corps", why, value) for slug in sorted(holders[text])]
    return problems


def phrases(fiche: Fiche) -> tuple[list[str], list[str]]:
    """A profile's sentences and sentence openings (five first words), lower-cased."""
    sentences = [sentence.lower() for sentence in fiche.body.sentences]
    openings = [" ".join([w.group() for w in islice(_WORD.finditer(s), 5)]) for s in sentences]
    return sentences, openings


def corpus_problems(metiers: list[Fiche], memo: Memo | None = None) -> list[Problem]:
    """Rules across profiles: no boilerplate sentence, no mould opening, unique titles and
    summaries, one designated profile per NOC code at most, every profile reachable from another
    one."""
    problems = []
    # Each profile's sentences and openings, once each, in order (dict keys).
    sentences: dict[str, dict] = {}
    openings: dict[str, dict] = {}
    by_slug = {f.slug: f for f in metiers}
    memo = memo if memo is not None else Memo(None, sources=MEMO_SOURCES)
    for fiche in metiers:
        own_sentences, own_openings = memo.get("phrases", fiche.key, lambda fiche=fiche: phrases(fiche))
        sentences[fiche.slug] = dict.fromkeys(own_sentences)
        openings[fiche.slug] = dict.fromkeys(own_openings)
    problems += _shared_by_too_many(
        sentences,
        MAX_SHARED_SENTENCE,
        by_slug,
        lambda sentence, n: (f"phrase répétée dans {n} fiches : la réécrire pour ce métier", sentence[:80]),
    )
    problems += _shared_by_too_many(
        openings,
        MAX_OPENINGS,
        by_slug,
        lambda opening, n: (
            f"début de phrase « {opening} … » dans {n} fiches (au plus {MAX_OPENINGS}) : varier la formulation",
            None,
        ),
    )
    for field in ("title", "resume"):
        seen: dict[str, str] = {}
        for fiche in metiers:
            value = fiche.data.get(field)
            if isinstance(value, str):
                if value in seen:
                    problems.append(
                        Problem(fiche.rel, field, f"déjà utilisé par {seen[value]}", value, fiche.line(field))
                    )
                seen.setdefault(value, fiche.rel)
    # A code search lists its designated profile first: one per code.
    principal: dict[str, str] = {}
    for fiche in metiers:
        code = fiche.data.get("cnp")
        if fiche.data.get("cnp_principal") is True and isinstance(code, str):
            if code in principal:
                message = (
                    f"le code {code} a déjà sa fiche principale ({principal[code]}) : une seule par code"
                )
                problems.append(
                    Problem(fiche.rel, "cnp_principal", message, "true", fiche.line("cnp_principal"))
                )
            principal.setdefault(code, fiche.rel)
    cited = set()
    for fiche in metiers:
        cited.update(s for s in _items(fiche.data.get("related")) if isinstance(s, str))
        cited.update(
            link.href.split("/")[2]
            for link in fiche.body.links
            if link.href.startswith("/metiers/") and link.href.count("/") >= 3
        )
    if len(metiers) > 1:
        for fiche in metiers:
            if fiche.slug not in cited:
                problems.append(
                    Problem(
                        fiche.rel,
                        "related",
                        "fiche orpheline : aucune autre fiche ne la cite (related ou lien /metiers/…/)",
                    )
                )
    return problems


def known_pages(corpus: Corpus, site_pages: Iterable[str], reference: Reference) -> set[str]:
    """Every internal address a link may lead to."""
    codes = {f.data.get("cnp") for f in corpus.of_kind("metier") if isinstance(f.data.get("cnp"), str)}
    return (
        {f"/{path}" for path in site_pages}
        | {f"/metiers/{slug}/" for slug in corpus.slugs["metier"]}
        | {f"/secteurs/{slug}/" for slug in corpus.slugs["secteur"]}
        | {f"/cnp/{code}/" for code in codes if isinstance(code, str)}
        | {f"/interets/{code}/" for code in INTERETS}
    )


def file_problems(fiche: Fiche) -> list[Problem]:
    """The rules that read one file and nothing else."""
    problems = schema_problems(fiche)
    if fiche.kind == "metier":
        problems += metier_body_problems(fiche)
    return problems


def check(
    corpus: Corpus, reference: Reference, site_pages: Iterable[str] = ("",), memo: Memo | None = None
) -> list[Problem]:
    """Every problem of a content tree already read: the one gate."""
    problems = list(corpus.problems)
    pages = known_pages(corpus, site_pages, reference)
    metiers, secteurs = corpus.of_kind("metier"), corpus.of_kind("secteur")
    memo = memo if memo is not None else Memo(None, sources=MEMO_SOURCES)
    for fiche in corpus.fiches:
        # What depends on the file alone is kept between builds (the memo's key: its text and path).
        problems += memo.get(
            "file", text_key(fiche.key + fiche.rel), lambda fiche=fiche: file_problems(fiche)
        )
        problems += link_problems(fiche, pages)
    problems += secteur_problems(secteurs, reference)
    for fiche in metiers:
        problems += metier_field_problems(fiche, corpus, reference)
    problems += corpus_problems(metiers, memo)
    used = {f.data.get("illustration") for f in metiers}
    for name in sorted(corpus.images - used):
        problems.append(
            Problem(f"content/images/{name}", "image", "image orpheline : aucune fiche ne l'utilise")
        )
    return sorted_problems(problems)


def report(problems: list[Problem]) -> str:
    count = len(problems)
    files = len({p.file for p in problems})
    head = f"{count} problème{'s' if count > 1 else ''} dans {files} fichier{'s' if files > 1 else ''} :"
    return "\n".join([head, *(f"  {p}" for p in problems)])


def annotations(problems: list[Problem]) -> str:
    """The same problems as GitHub Actions annotations, shown on the pull request's diff."""

    def escape(text: str) -> str:
        return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")

    def prop(text: str) -> str:
        return escape(text).replace(":", "%3A").replace(",", "%2C")

    lines = []
    for p in problems:
        where = f"file={prop(p.file)}" + (f",line={p.line}" if p.line else "")
        value = f" ({p.value})" if p.value else ""
        lines.append(f"::error {where},title={prop(p.field)}::{escape(p.message + value)}")
    return "\n".join(lines)
