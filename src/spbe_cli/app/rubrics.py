"""Rubrics asked for by id, alias or path: loaded and checked, or a Stop with their problems."""

from __future__ import annotations

from pathlib import Path

from spbe_cli.app.assess import RubricStore, bundled_ids, is_rubric_path, load_rubric_file
from spbe_cli.exits import Stop, usage_error
from spbe_cli.model.problems import Located, by_place
from spbe_cli.model.rubric import Rubric


def bundled_rubrics() -> list[Rubric]:
    return list(RubricStore().bundled().values())


def known_predicates(rubrics: list[Rubric] | None = None) -> list[str]:
    """Every band name of `rubrics` (default: the bundled ones), each once, in band order."""
    chosen = bundled_rubrics() if rubrics is None else rubrics
    return list(dict.fromkeys(b.name for r in chosen for b in r.bands))


def _where(ref: str, store: RubricStore) -> Path | None:
    """Where a reference given on the command line points: a path stays as the user wrote it,
    so every message names the file the way the user typed it, not as an absolute path."""
    if is_rubric_path(ref):
        return Path(ref.strip())
    return store.resolve(ref, Path.cwd())


def rubric_named(ref: str) -> Rubric:
    """A bundled rubric id or alias, or a rubric file, loaded and checked."""
    store = RubricStore()
    path = _where(ref, store)
    if path is None:
        raise usage_error("SPBE108", rubric=ref, known=", ".join(bundled_ids()))
    loaded = store.load(path)
    if not isinstance(loaded, Rubric):
        raise Stop(problems=loaded)
    return loaded


def rubric_option(ref: str | None) -> tuple[Path, Rubric] | None:
    """`--rubric` of score, validate and plan: checked before any assessment is read.

    A reference that names nothing, or a rubric file with problems, is a usage error about the
    option (exit 2), said once, not once per assessment as if the files' own `rubrik` were wrong.
    """
    if ref is None:
        return None
    store = RubricStore()
    path = _where(ref, store)
    if path is None:
        raise usage_error("usage.rubric_unknown", rubric=ref, known=", ".join(bundled_ids()))
    loaded = store.load(path)
    if not isinstance(loaded, Rubric):
        count = len(loaded)
        key = "usage.rubric_invalid_one" if count == 1 else "usage.rubric_invalid"
        raise Stop(
            problems=sorted(loaded, key=by_place),
            message=key,
            usage=True,
            rubric=ref,
            count=count,
            path=path,
        )
    return path, loaded


def check_rubric(ref: str) -> Rubric | list[Located]:
    """`spbe rubric check`: the rubric, or every problem of the file in the order of its lines.

    A file is named as given (`opd.yaml`, not its absolute path); a reference that is neither a
    file nor a bundled id or alias is SPBE108 with the list of ids.
    """
    where = _where(ref, RubricStore())
    if where is None:
        raise usage_error("SPBE108", rubric=ref, known=", ".join(bundled_ids()))
    loaded = load_rubric_file(where)
    return loaded if isinstance(loaded, Rubric) else sorted(loaded, key=by_place)


def check_predicate_name(name: str | None, override: Rubric | None) -> None:
    """--min-predicate checked before any file is read: a typo is a usage error (exit 2), not a
    run that ends in failures or, worse, never reports it because no file scored.

    With --rubric every file is scored under that rubric, so its bands are the choices; without
    it, a name of any bundled rubric passes here and each file's own rubric is asked later (a
    custom rubric with its own band names is given with --rubric, as the message says).
    """
    if name is None:
        return
    rubrics = [override] if override is not None else bundled_rubrics()
    if any(r.band_named(name) is not None for r in rubrics):
        return
    allowed = ", ".join(known_predicates(rubrics))
    key = "usage.unknown_predicate" if override is not None else "usage.unknown_predicate_bundled"
    raise usage_error(key, value=name, allowed=allowed)
