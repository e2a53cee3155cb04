"""Rubrics asked for by id or path: loaded and checked, or a Stop with their problems."""

from __future__ import annotations

from pathlib import Path

from spbe_cli.app.assess import RubricStore, bundled_ids, load_rubric_file
from spbe_cli.exits import Stop, usage_error
from spbe_cli.model.problems import Located, by_place
from spbe_cli.model.rubric import Rubric


def bundled_rubrics() -> list[Rubric]:
    return list(RubricStore().bundled().values())


def known_predicates() -> str:
    """Every band name of the bundled rubrics, for a message about an unknown one."""
    names = dict.fromkeys(b.name for r in bundled_rubrics() for b in r.bands)
    return ", ".join(names)


def rubric_named(ref: str) -> Rubric:
    """A bundled rubric id or a rubric file, loaded and checked."""
    store = RubricStore()
    path = store.resolve(ref, Path.cwd())
    if path is None:
        raise usage_error("SPBE108", rubric=ref, known=", ".join(bundled_ids()))
    loaded = store.load(path)
    if not isinstance(loaded, Rubric):
        raise Stop(problems=loaded)
    return loaded


def check_rubric(ref: str) -> Rubric | list[Located]:
    """`spbe rubric check`: the rubric, or every problem of the file in the order of its lines."""
    where = RubricStore().resolve(ref, Path.cwd()) or Path(ref)
    loaded = load_rubric_file(where)
    return loaded if isinstance(loaded, Rubric) else sorted(loaded, key=by_place)
