"""What a regulation calls its result, for every output: data of the rubric, never of the code.

Pemdi 8/2026 calls it the "Indeks Pemerintah Digital (Indeks Pemdi)"; a rubric that names
nothing gets the catalogue's "Indeks SPBE".
"""

from __future__ import annotations

from spbe_cli.messages import Lang, text
from spbe_cli.model.rubric import Rubric


def index_name(rubric: Rubric | None, lang: Lang) -> str:
    if rubric is None:
        return text("index", lang)
    return rubric.index_name.get(lang) or rubric.index_name.get("id") or text("index", lang)
