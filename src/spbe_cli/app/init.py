"""The shell side of `spbe init`: choose the rubric, read last year's file, decide `rubrik:`.

Reads files (through the loader and workflow) but never prints or writes; template.py turns the
plan into text and the CLI writes it. Failures come back as values with a catalogue key.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from spbe_cli.app.assess import RubricStore, assess, bundled_dir, bundled_ids
from spbe_cli.model.characters import unsafe_char
from spbe_cli.model.codes import Code
from spbe_cli.model.problems import Located
from spbe_cli.model.rubric import Rubric
from spbe_cli.render.template import Agency, InitOptions, carry_over, rubric_for_year


@dataclass(frozen=True)
class InitRequest:
    rubric: str | None
    agency: str | None
    year: int | None
    from_path: Path | None
    out_dir: Path
    """The folder the new file goes to: a rubric file path in `rubrik:` is relative to it."""
    this_year: int
    allow_outside: bool = False
    """The `--from` file's `rubrik:` path may lead outside this folder and its repository."""


@dataclass(frozen=True)
class InitFailure:
    key: str
    params: dict[str, object] = field(default_factory=dict)
    problems: list[Located] = field(default_factory=list)


@dataclass(frozen=True)
class InitPlan:
    rubric: Rubric
    options: InitOptions


def plan_init(request: InitRequest, lang: str = "id") -> InitPlan | InitFailure:
    char = unsafe_char(request.agency) if request.agency is not None else None
    if char is not None:  # the file written would be refused (SPBE112): say so now
        return InitFailure("init.control_character", {"char": char})
    store = RubricStore(allow_outside=request.allow_outside)
    last = None
    if request.from_path is not None:
        outcome = assess(request.from_path, store, partial=True)
        if outcome.problems or outcome.scorecard is None:
            params = {"file": str(request.from_path)}
            return InitFailure("init.from_invalid", params, outcome.problems)
        last = outcome.scorecard
    year = request.year or (last.assessment.tahun + 1 if last else request.this_year)
    chosen = _choose_rubric(request, store, year, last.assessment.rubrik if last else None)
    if isinstance(chosen, InitFailure):
        return chosen
    path, rubric = chosen
    bundled = _is_bundled(path)
    ref = path.stem if bundled else _relative(path, request.out_dir)
    previous = None
    agency = Agency(nama=request.agency or "")
    if last is not None:
        old = last.assessment.agency
        agency = Agency(request.agency or old.nama, old.jenis, old.provinsi)
        same = last.rubric is rubric
        previous = carry_over(rubric, last.assessment, str(request.from_path), same_rubric=same)
    schema = schema_near(request.out_dir, rubric.id)
    options = InitOptions(ref, agency, year, bundled, previous, lang, schema)  # type: ignore[arg-type]
    return InitPlan(rubric, options)


def schema_near(out_dir: Path, rubric_id: str) -> str | None:
    """`schemas/<id>.schema.json` in the new file's folder or the nearest folder above it (up to
    the git work tree's root), as a path relative to the new file; None when there is none.

    The editor line must point at a file that exists: a guessed web address breaks offline and
    whenever the repository moves. `spbe schema -o schemas/<id>.schema.json` writes one.
    """
    from spbe_cli.files.walk import work_tree_of

    start = out_dir.resolve()
    root = work_tree_of(start)
    for folder in (start, *start.parents):
        candidate = folder / "schemas" / f"{rubric_id}.schema.json"
        if candidate.is_file():
            return Path(os.path.relpath(candidate, start)).as_posix()
        if folder == root:
            break
    return None


def _choose_rubric(
    request: InitRequest, store: RubricStore, year: int, last_ref: str | None
) -> tuple[Path, Rubric] | InitFailure:
    """--rubric, else last year's rubric (with --from), else the bundled one covering `year`."""
    if request.rubric is not None:
        path = store.resolve(request.rubric, Path.cwd())
    elif last_ref is not None and request.from_path is not None:
        found = store.reference(last_ref, request.from_path.parent)  # vetted like any `rubrik:`
        path = found if isinstance(found, Path) else None
    else:
        rubrics = store.bundled()
        found = rubric_for_year(rubrics.values(), year)
        if found is None:
            known = ", ".join(bundled_ids())
            return InitFailure("init.no_rubric_for_year", {"year": year, "known": known})
        path = bundled_dir() / f"{next(k for k, r in rubrics.items() if r is found)}.yaml"
    if path is None:
        known = ", ".join(bundled_ids())
        return InitFailure(Code.SPBE108, {"rubric": request.rubric, "known": known})
    loaded = store.load(path)
    if not isinstance(loaded, Rubric):
        params = {"rubric": str(path), "count": len(loaded), "path": str(path)}
        return InitFailure(Code.SPBE111, params, loaded)
    return path, loaded


def _is_bundled(path: Path) -> bool:
    return (
        path.resolve() == (bundled_dir() / f"{path.stem}.yaml").resolve()
        and path.stem in bundled_ids()
    )


def _relative(path: Path, out_dir: Path) -> str:
    """A rubric path as the new file must write it: relative to the new file's own folder."""
    rel = Path(os.path.relpath(path.resolve(), out_dir.resolve())).as_posix()
    return rel if "/" in rel else f"./{rel}"
