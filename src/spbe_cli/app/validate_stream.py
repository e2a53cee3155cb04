"""The shell of `spbe validate` over many files: verdicts stream from the workers to the output.

Nothing of a file outlives its own line of output except its counts and, with --check-agency, its
agency name (for the folder check, SPBE355, which needs every file of a folder and so is reported
after all files).
Memory therefore stays flat however large the archive; JUnit, whose XML header carries the
totals, is the one format that keeps every file's problems (never documents) until the end.
"""

from __future__ import annotations

from typing import TextIO

from spbe_cli.app.validate import (
    FileCheck,
    Options,
    add_sources,
    check_files,
    folder_problems,
)
from spbe_cli.core.thresholds import UnknownPredicate
from spbe_cli.messages import Lang
from spbe_cli.model.file_report import FileReport
from spbe_cli.model.problems import Located, by_place
from spbe_cli.render.validate_out import ValidationWriter, file_renderer, summary_text


def run_validate(
    files: list[str],
    options: Options,
    fmt: str,
    lang: Lang,
    out: TextIO,
    err: TextIO,
    *,
    with_sources: bool = False,
) -> bool:
    """Check `files` in order, writing as it goes; True when every file is valid."""
    renderer = file_renderer(fmt, lang, with_sources)
    sources = renderer.wants_sources
    check = FileCheck(options, renderer, keep_results=renderer.keeps_results, sources=sources)
    writer = ValidationWriter(renderer, out, err)
    valid = warnings = 0
    facts, results = [], []
    by_path: dict[str, FileReport] = {}
    verdicts = check_files(files, check)
    try:
        for file, verdict in zip(files, verdicts, strict=True):
            writer.file(verdict.output)
            valid += not verdict.errors
            warnings += verdict.warnings
            if verdict.agency is not None:
                facts.append((file, verdict.agency))  # the list's string, not a copy per file
            if verdict.result is not None:
                results.append(verdict.result)
    except UnknownPredicate:  # a custom rubric without that band, found part-way through
        writer.abort()
        raise
    finally:
        _close(verdicts)  # a worker pool stops now, even when output stopped (a closed pipe)
    for fact, item in folder_problems(facts, options.strict):
        if item.severity == "error":
            valid -= fact.valid
        else:
            warnings += 1
        if results:
            by_path = by_path or {r.path: r for r in results}
            _merge(by_path[item.file], item)
        else:
            late = FileReport(item.file, [item])
            if sources:
                add_sources(late, options.max_bytes)
            writer.late(late)
    writer.finish(summary_text(len(files), valid, warnings, lang), results)
    return valid == len(files)


def _close(verdicts: object) -> None:
    close = getattr(verdicts, "close", None)
    if close is not None:
        close()


def _merge(result: FileReport, item: Located) -> None:
    """Give a kept per-file result (JUnit) its late problem, in line order like the rest."""
    result.problems.append(item)
    result.problems.sort(key=by_place)
