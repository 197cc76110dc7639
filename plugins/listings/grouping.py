"""Pure functions that group profiles: A–Z, by sector, by NOC code, related profiles."""

from __future__ import annotations

from collections import Counter, defaultdict
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


def related(metier, metiers_by_slug: dict, neighbours: dict[str, list] | None = None, limit: int = 6) -> list:
    """The profile's own `related` first, then profiles of the same NOC minor group or
    sharing at least two sectors: what a student would want to read next."""
    chosen = [metiers_by_slug[s] for s in metier.related if s in metiers_by_slug]
    neighbours = neighbours if neighbours is not None else index_neighbours(metiers_by_slug.values())
    shared = Counter(
        other.slug for key in [f"cnp:{metier.cnp[:4]}", *metier.secteurs] for other in neighbours.get(key, [])
    )
    taken = {metier.slug, *(m.slug for m in chosen)}

    ranked = []
    for slug, count in shared.items():
        other = metiers_by_slug[slug]
        same_minor = other.cnp[:4] == metier.cnp[:4]
        if slug not in taken and (same_minor or count >= 2):
            ranked.append((not same_minor, -(count - same_minor), sort_key(other.title), other))
    ranked.sort(key=lambda item: item[:3])
    return (chosen + [item[3] for item in ranked])[: max(limit, len(chosen))]


def index_neighbours(metiers) -> dict[str, list]:
    """Profiles by NOC minor group ("cnp:4220") and by sector slug, for `related`."""
    index: dict[str, list] = defaultdict(list)
    for metier in metiers:
        index[f"cnp:{metier.cnp[:4]}"].append(metier)
        for secteur in metier.secteurs:
            index[secteur].append(metier)
    return index
