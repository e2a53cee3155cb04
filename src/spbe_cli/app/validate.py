"""`spbe validate` as data: every file's located problems, errors and warnings, nothing printed.

The shell around the pure parts: workflow.assess reads and validates each file (missing indicators
are errors, as in `spbe score`), checks.py adds the warnings, gate.py the thresholds; the folder
check needs all files of a folder, so it runs once every file has been read.
"""

from __future__ import annotations

import os
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from spbe_cli.app.assess import Outcome, RubricStore, assess
from spbe_cli.app.pool import ordered_map
from spbe_cli.core.checks import (
    AgencyName,
    agency_problem,
    assessment_warnings,
    folder_outliers,
)
from spbe_cli.core.thresholds import Gate, check
from spbe_cli.core.warning_groups import folded_warnings
from spbe_cli.files.reader import Document, source_lines
from spbe_cli.model.assessment import Agency
from spbe_cli.model.file_report import FileReport
from spbe_cli.model.problems import Located, Problem, by_place


@dataclass(frozen=True)
class WarningPolicy:
    """Which warnings `spbe validate` reports, and how many lines they take.

    By default a file gets at most one line per warning code (the claim warnings SPBE351 and
    SPBE352 name their indicators and count), and the folder check SPBE355 runs only when asked:
    it fires on every folder that holds several agencies, the very input `spbe rank` is for.
    """

    all_warnings: bool = False
    """One line per warning, as before folding."""
    check_agency: bool = False
    """SPBE355: an agency name that differs from the rest of its folder."""


@dataclass(frozen=True)
class Options:
    today: date
    gate: Gate = field(default_factory=Gate)
    strict: bool = False
    rubric_path: Path | None = None
    max_bytes: int | None = None
    policy: WarningPolicy = field(default_factory=WarningPolicy)
    allow_outside: bool = False
    """`rubrik:` paths may lead outside the current folder and the file's repository."""


def _file_report(outcome: Outcome, options: Options) -> FileReport:
    result = FileReport(outcome.path, list(outcome.problems))
    assessment, rubric, doc = outcome.assessment, outcome.rubric, outcome.document
    if assessment is None or rubric is None or doc is None:
        return result
    if options.policy.all_warnings:
        warnings = assessment_warnings(assessment, rubric, options.today)
    else:
        warnings = folded_warnings(assessment, rubric, options.today)
    for problem in warnings:
        result.problems.append(_locate(doc, problem, options.strict))
    gate = options.gate
    if gate.fail_under is not None or gate.min_predicate is not None:  # only then the index
        card = outcome.scorecard
        assert card is not None
        for failure in check(card, gate):
            result.problems.append(doc.locate(failure.problem()))
    return result


def add_sources(report: FileReport, max_bytes: int | None) -> None:
    """Give the report the text of the lines its problems point at (in the first problem's file,
    within the same size limit as the document), for excerpts under them on a terminal."""
    if report.problems and report.problems[0].place is None:  # a workbook has no text lines
        wanted = {p.line for p in report.problems}
        report.sources = source_lines(report.problems[0].file, wanted, max_bytes)


def _locate(doc: Document, problem: Problem, strict: bool) -> Located:
    if strict and problem.severity == "warning":
        problem = replace(problem, severity="error")
    return doc.locate(problem)


# --- Streaming: one verdict per file, in file order, nothing kept but small facts (issue 7) ---


@dataclass(frozen=True, slots=True)
class AgencyFact:
    """What the folder check needs of a scored file (kept for every file of a run, so small),
    with where its SPBE355 would point. The file itself is the verdict's path."""

    name: str
    long_form: bool
    line: int
    column: int
    valid: bool


@dataclass(frozen=True)
class Verdict:
    """One file, reduced in the worker: counts, its output already rendered, the agency fact.

    `result` (the located problems) is kept only for a format that needs all files at the end.
    """

    path: str
    errors: int
    warnings: int
    output: str
    agency: AgencyFact | None = None
    result: FileReport | None = None


Render = Callable[[FileReport], str]
"""Turns one file's result into its output text (the renderer's business, chosen by format)."""


class FileCheck:
    """The per-file work of `spbe validate`, picklable, with a rubric store per process."""

    def __init__(
        self, options: Options, render: Render, keep_results: bool = False, sources: bool = False
    ) -> None:
        self.options = options
        self.render = render
        self.keep_results = keep_results
        self.sources = sources  # read the lines under the problems, for the renderer's excerpts
        self.store: RubricStore | None = None

    def __getstate__(self) -> dict[str, object]:
        return {**self.__dict__, "store": None}

    def __call__(self, path: str | Path) -> Verdict:
        if self.store is None:
            self.store = RubricStore(allow_outside=self.options.allow_outside)
        options = self.options
        outcome = assess(
            Path(path), self.store, rubric_path=options.rubric_path, max_bytes=options.max_bytes
        )
        result = _file_report(outcome, options)
        result.problems.sort(key=by_place)
        if self.sources:
            add_sources(result, options.max_bytes)
        errors = sum(p.severity == "error" for p in result.problems)
        return Verdict(
            result.path,
            errors,
            len(result.problems) - errors,
            self.render(result),
            _agency_fact(outcome, not errors) if options.policy.check_agency else None,
            result if self.keep_results else None,
        )


def _agency_fact(outcome: Outcome, valid: bool) -> AgencyFact | None:
    assessment = outcome.assessment
    if assessment is None or outcome.rubric is None or outcome.document is None:
        return None
    long_form = isinstance(assessment.instansi, Agency)
    where = ("instansi", "nama") if long_form else ("instansi",)
    line, column = outcome.document.mark_of(where)
    return AgencyFact(assessment.agency.nama, long_form, line + 1, column + 1, valid)


def check_files(paths: Sequence[str | Path], check: FileCheck) -> Iterator[Verdict]:
    """Verdicts in the order of `paths`; a process pool does the work for large batches."""
    return ordered_map(check, paths)


def folder_problems(
    facts: Sequence[tuple[str, AgencyFact]], strict: bool
) -> Iterator[tuple[AgencyFact, Located]]:
    """SPBE355 for the files whose agency differs from the rest of their folder, in file order.

    `facts` are (file, fact) in file order; files without a scorecard have none. Problems are
    made one at a time as they are reported: in an archive every file may be one.
    """
    folders: dict[str, list[int]] = defaultdict(list)
    for pos, (file, _) in enumerate(facts):
        folders[os.path.dirname(file)].append(pos)
    majority: dict[int, tuple[str, int]] = {}
    for positions in folders.values():
        outliers = folder_outliers([facts[p][1].name for p in positions])
        if outliers is not None:
            found, shown, best = outliers
            majority.update((positions[n], (shown, best)) for n in found)
    for pos in sorted(majority):
        file, fact = facts[pos]
        problem = agency_problem(AgencyName(file, fact.name, fact.long_form), *majority[pos])
        if strict:
            problem = replace(problem, severity="error")
        yield fact, Located(problem, file, fact.line, fact.column)
