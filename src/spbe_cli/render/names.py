"""What a regulation calls its result, for every output: data of the rubric, never of the code.

Pemdi 8/2026 calls it the "Indeks Pemerintah Digital (Indeks Pemdi)"; a rubric that names
nothing gets the catalogue's "Indeks SPBE".
"""

from __future__ import annotations

from collections.abc import Iterable

from spbe_cli.messages import Lang, text
from spbe_cli.model.rubric import Rubric


def index_name(rubric: Rubric | None, lang: Lang) -> str:
    """The rubric's name for its index, else the catalogue's."""
    if rubric is None:
        return text("index", lang)
    return rubric.index_name.get(lang) or rubric.index_name.get("id") or text("index", lang)


def shared_index_name(rubrics: Iterable[Rubric], lang: Lang) -> str:
    """The index's name in a comparison: the rubric's own when every file shares one rubric; the
    catalogue's neutral word when rubrics differ, since no single regulation names that series."""
    distinct = {r.id: r for r in rubrics}
    if len(distinct) == 1:
        return index_name(next(iter(distinct.values())), lang)
    return text("index", lang)
