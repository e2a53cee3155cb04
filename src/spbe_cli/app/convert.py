"""`spbe convert`: one assessment read in any format, checked, and prepared for another.

Lossless or refused: the header (rubric, agency, year, stage), every level and every text must
come back the same when the new file is read. Where the target cannot hold a text exactly (a
workbook cell and control characters, a carriage return, more than 32,767 characters, an evidence
item with a line break) the conversion stops with SPBE140 at that text's place in the source,
rather than write a file that reads back differently. Drafts convert as they are.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Literal

from spbe_cli.app.assess import RubricStore, assess, bundled_dir
from spbe_cli.app.init import schema_near
from spbe_cli.core.scoring import Scorecard
from spbe_cli.exits import Stop
from spbe_cli.model.assessment import Agency
from spbe_cli.model.codes import Code
from spbe_cli.model.problems import Problem
from spbe_cli.model.workbook_format import CELL_TEXT_LIMIT

Format = Literal["yaml", "toml", "json", "xlsx"]
SUFFIXES: dict[str, Format] = {
    ".yaml": "yaml",
    ".yml": "yaml",
    ".toml": "toml",
    ".json": "json",
    ".xlsx": "xlsx",
}
_NOT_IN_CELL = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_SURROGATE = re.compile("[\ud800-\udfff]")


@dataclass(frozen=True)
class Converted:
    """The assessment to write: its scorecard (for a workbook's rows) with `rubrik` as the new
    file must name it, and the editor's schema line for YAML (as `spbe init` writes it: only for a
    `schemas/<id>.schema.json` that exists near the new file)."""

    card: Scorecard
    schema: str | None


def convert(
    source: Path, target: Path | None, fmt: Format, *, allow_outside: bool = False
) -> Converted:
    """The assessment in `source`, ready to be written as `fmt` next to `target`."""
    store = RubricStore(allow_outside=allow_outside)
    outcome = assess(source, store, partial=True)
    if outcome.problems or outcome.scorecard is None or outcome.document is None:
        raise Stop(problems=outcome.problems)
    card = outcome.scorecard
    refused = [outcome.document.locate(p) for p in unkeepable(card, fmt)]
    if refused:
        raise Stop(problems=refused)
    rubric_path = store.path_of(card.rubric)
    bundled = rubric_path is not None and rubric_path.parent == bundled_dir().resolve()
    folder = (target or Path.cwd() / "-").parent
    ref = card.assessment.rubrik
    if not bundled and rubric_path is not None:
        ref = _relative(rubric_path, folder)
    schema = schema_near(folder, card.rubric.id)
    return Converted(replace(card, assessment=replace(card.assessment, rubrik=ref)), schema)


def _relative(path: Path, folder: Path) -> str:
    """A rubric path as the new file must write it: relative to the new file's own folder."""
    rel = Path(os.path.relpath(path.resolve(), folder.resolve())).as_posix()
    return rel if "/" in rel else f"./{rel}"


def unkeepable(card: Scorecard, fmt: Format) -> list[Problem]:
    """SPBE140 for every text `fmt` cannot hold exactly, at its path in the source."""
    problems = []
    for path, value, evidence in _texts(card):
        reason = _reason(value, fmt, evidence)
        if reason is not None:
            params = {"fmt": fmt.upper() if fmt != "xlsx" else "xlsx", "reason": reason}
            problems.append(Problem(Code.SPBE140, path, params))
    return problems


def _texts(card: Scorecard) -> Iterator[tuple[tuple[str, ...], str, bool]]:
    """(path, text, whether it is an evidence item) for every text of the assessment."""
    a = card.assessment
    yield ("rubrik",), a.rubrik, False
    agency = a.instansi
    if isinstance(agency, Agency):
        for key in ("nama", "jenis", "provinsi"):
            value = getattr(agency, key)
            if isinstance(value, str):
                yield ("instansi", key), value, False
    else:
        yield ("instansi",), agency, False
    yield ("tahap",), a.tahap, False
    for key in a.indikator:
        entry = a.entry(key)
        if entry is None:
            continue
        if entry.penjelasan is not None:
            yield ("indikator", key, "penjelasan"), entry.penjelasan, False
        for n, item in enumerate(entry.bukti_dukung or ()):
            yield ("indikator", key, "bukti_dukung", str(n)), item, True


def _reason(value: str, fmt: Format, evidence: bool) -> dict[str, Any] | None:
    if _SURROGATE.search(value):
        return {"catalogue": "convert.reason.surrogate"}
    if fmt != "xlsx":
        return None
    if evidence and ("\n" in value or "\r" in value or not value.strip()):
        return {"catalogue": "convert.reason.evidence_line"}
    if "\r" in value:
        return {"catalogue": "convert.reason.return"}
    if _NOT_IN_CELL.search(value):
        return {"catalogue": "convert.reason.control"}
    if len(value) > CELL_TEXT_LIMIT:
        return {"catalogue": "convert.reason.long", "limit": CELL_TEXT_LIMIT}
    return None
