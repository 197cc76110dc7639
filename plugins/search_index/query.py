"""Search as the browser does it (recherche.js mirrors this function), for tests and benchmarks."""

from __future__ import annotations

from lunr.query import Query

from . import pipeline


def clauses(text: str) -> list[dict]:
    """The lunr clauses for a text query; plain data so the browser's version can be compared."""
    words = pipeline.split((text or "").lower())
    typing = bool(text) and not text[-1].isspace()
    result = []
    for position, word in enumerate(words):
        folded = pipeline._TRIM.sub("", pipeline.fold(word))
        variants = [word, *pipeline.synonyms().get(folded, [])]
        for rank, variant in enumerate(variants):
            for term in pipeline.run(variant):
                result.append({"term": term, "boost": 10 if rank == 0 else 3})
        if len(folded) >= 5:
            result.append({"term": folded, "fields": ["prefixe"], "editDistance": 1, "boost": 2})
        if position == len(words) - 1 and typing and len(folded) >= 2 and folded not in pipeline.stop_words():
            result.append({"term": folded, "fields": ["prefixe"], "wildcard": True, "boost": 4})
    return result


def search(index, text: str) -> list[str]:
    """Refs of the matching profiles, best first."""
    found = clauses(text)
    if not found:
        return []
    query = index.create_query()
    for clause in found:
        query.term(
            clause["term"],
            fields=clause.get("fields"),
            boost=clause["boost"],
            use_pipeline=False,
            edit_distance=clause.get("editDistance", 0),
            wildcard=Query.WILDCARD_TRAILING if clause.get("wildcard") else Query.WILDCARD_NONE,
        )
    return [match["ref"] for match in index.query(query)]
