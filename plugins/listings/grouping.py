"""Pure functions that group profiles: A–Z, by sector, by NOC code, related profiles."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from content_model.model import sort_key
from content_model.noc import BROAD_CATEGORIES, TEER, UnitGroup


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


def by_category_and_teer(codes: dict[str, CodeGroup]) -> list[dict]:
    """Broad category → TEER → code groups, in code order, for the /cnp/ page."""
    tree: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    for code, group in codes.items():
        tree[code[0]][code[1]].append(group)
    return [
        {
            "code": broad,
            "titre": BROAD_CATEGORIES.get(broad, ""),
            "teer": [
                {"code": teer, "titre": TEER.get(teer, ""), "groupes": groups}
                for teer, groups in sorted(tree[broad].items())
            ],
        }
        for broad in sorted(tree)
    ]


def related(metier, metiers_by_slug: dict, limit: int = 6) -> list:
    """The profile's own `related` first, then profiles of the same NOC minor group or
    sharing the most sectors: what a student would want to read next."""
    chosen = [metiers_by_slug[s] for s in metier.related if s in metiers_by_slug]
    mine = set(metier.secteurs)

    def closeness(other):
        same_minor = other.cnp[:4] == metier.cnp[:4]
        return (same_minor, len(mine & set(other.secteurs)))

    others = [m for m in metiers_by_slug.values() if m is not metier and m not in chosen]
    candidates = [m for m in others if closeness(m) > (False, 1)]
    candidates.sort(key=lambda m: (tuple(-int(x) for x in closeness(m)), sort_key(m.title)))
    return (chosen + candidates)[: max(limit, len(chosen))]
