"""Pure functions that group profiles: A–Z, by sector, by NOC code, related profiles."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from itertools import combinations

from plugins.content_model.model import sort_key
from plugins.content_model.reference import TEER, UnitGroup


def alphabetical(items) -> list:
    return sorted(items, key=lambda item: (sort_key(item.title), item.slug))


def by_letter(metiers) -> list[tuple[str, list]]:
    """[(letter, profiles)] in A–Z order, letters without accents (É is filed under E)."""
    letters = defaultdict(list)
    for metier in alphabetical(metiers):
        letters[sort_key(metier.title)[:1].upper()].append(metier)
    return sorted(letters.items())


def by_sector(metiers, secteurs) -> dict[str, list]:
    grouped = {secteur.slug: [] for secteur in secteurs}
    for metier in alphabetical(metiers):
        for slug in metier.secteurs:
            grouped.setdefault(slug, []).append(metier)
    return grouped


@dataclass
class CodeGroup:
    code: str
    titre: str | None
    metiers: list = field(default_factory=list)


def by_code(metiers, noc: dict[str, UnitGroup] | None) -> dict[str, CodeGroup]:
    groups: dict[str, CodeGroup] = {}
    for metier in alphabetical(metiers):
        unit = (noc or {}).get(metier.cnp)
        group = groups.setdefault(metier.cnp, CodeGroup(metier.cnp, unit.titre if unit else None))
        group.metiers.append(metier)
    return dict(sorted(groups.items()))


def by_category_and_teer(codes: dict[str, CodeGroup], categories: dict[str, str]) -> list[dict]:
    """Broad category → TEER → code groups, in code order, for the /cnp/ page."""
    tree: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    for code, group in codes.items():
        tree[code[0]][code[1]].append(group)
    return [
        {
            "code": broad,
            "titre": categories.get(broad, ""),
            "teer": [
                {"code": teer, "titre": TEER.get(teer, ""), "groupes": groups}
                for teer, groups in sorted(tree[broad].items())
            ],
        }
        for broad in sorted(tree)
    ]


def _rank(metier) -> tuple[str, str]:
    return sort_key(metier.title), metier.slug


class Neighbours:
    """Profiles indexed for `related`, so that a profile looks only at the few profiles that can
    rank (those sharing its minor group and a sector, or two sectors) instead of every profile of
    its sectors: linear in the number of profiles, not quadratic."""

    def __init__(self, metiers):
        self.minor: dict[str, list] = defaultdict(list)  # "4220" → profiles, A–Z
        self.minor_sector: dict[tuple[str, str], list] = defaultdict(list)
        self.sector_pair: dict[tuple[str, str], list] = defaultdict(list)
        for metier in sorted(metiers, key=_rank):
            minor, secteurs = metier.cnp[:4], sorted(set(metier.secteurs))
            self.minor[minor].append(metier)
            for secteur in secteurs:
                self.minor_sector[minor, secteur].append(metier)
            for pair in combinations(secteurs, 2):
                self.sector_pair[pair].append(metier)


def related(metier, metiers_by_slug: dict, neighbours: Neighbours | None = None, limit: int = 6) -> list:
    """The profile's own `related` first, then profiles of the same NOC minor group (those sharing
    more sectors first), then profiles of other groups sharing at least two sectors: what a
    student would want to read next. Ties go in A–Z order."""
    chosen = [metiers_by_slug[s] for s in metier.related if s in metiers_by_slug]
    wanted = max(limit, len(chosen)) - len(chosen)
    neighbours = neighbours if neighbours is not None else Neighbours(metiers_by_slug.values())
    taken = {metier.slug, *(m.slug for m in chosen)}
    minor, secteurs = metier.cnp[:4], sorted(set(metier.secteurs))

    def shared(other) -> int:
        return len(set(other.secteurs).intersection(secteurs))

    # Same minor group, sharing at least one sector, most shared first.
    same = {
        o.slug: o
        for s in secteurs
        for o in neighbours.minor_sector.get((minor, s), ())
        if o.slug not in taken
    }
    found = sorted(same.values(), key=lambda o: (-shared(o), _rank(o)))[:wanted]
    # Same minor group, no sector in common: already in A–Z order.
    for other in neighbours.minor.get(minor, ()):
        if len(found) >= wanted:
            break
        if other.slug not in taken and other.slug not in same:
            found.append(other)
    # Other groups, sharing at least two sectors.
    if len(found) < wanted:
        others = {
            o.slug: o
            for pair in combinations(secteurs, 2)
            for o in neighbours.sector_pair.get(pair, ())
            if o.slug not in taken and o.cnp[:4] != minor
        }
        found += sorted(others.values(), key=lambda o: (-shared(o), _rank(o)))[: wanted - len(found)]
    return chosen + found


def sector_counts(metiers) -> list[tuple]:
    """[(sector page, how many of these profiles it has)], most first: a long interest list is
    narrowed from there."""
    counts: dict = {}
    for metier in metiers:
        for secteur in getattr(metier, "secteurs_pages", []):
            counts[secteur] = counts.get(secteur, 0) + 1
    return sorted(counts.items(), key=lambda item: (-item[1], sort_key(item[0].title)))
