"""`spbe validate` as data: every file's located problems, errors and warnings, nothing printed.

The shell around the pure parts: workflow.assess reads and validates each file (missing indicators
are errors, as in `spbe score`), checks.py adds the warnings, gate.py the thresholds; the folder
check needs all files of a folder, so it runs once every file has been read.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from .assessment import Agency
from .checks import AgencyName, agency_mismatches, assessment_warnings
from .gate import Gate, GateFailure, check
from .loader import Document, expand_paths
from .numbers import exact_text
from .problems import Located, Problem
from .workflow import Outcome, RubricStore, assess


@dataclass
class FileResult:
    """One file's verdict: valid when none of its problems is an error."""

    path: str
    problems: list[Located] = field(default_factory=list)

    @property
    def errors(self) -> list[Located]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Located]:
        return [p for p in self.problems if p.severity == "warning"]

    @property
    def valid(self) -> bool:
        return not self.errors


@dataclass(frozen=True)
class Options:
    today: date
    gate: Gate = field(default_factory=Gate)
    strict: bool = False
    rubric_path: Path | None = None
    max_bytes: int | None = None


def validate_paths(paths: Iterable[str | Path], options: Options) -> list[FileResult]:
    """Every file under `paths`, in order; gate.UnknownPredicate for a bad --min-predicate."""
    store = RubricStore()
    outcomes = [
        assess(p, store, rubric_path=options.rubric_path, max_bytes=options.max_bytes)
        for p in expand_paths(paths)
    ]
    results = [_file_result(o, options) for o in outcomes]
    folder = _folder_warnings(outcomes)
    for outcome, result in zip(outcomes, results, strict=True):
        extra = folder.get(outcome.path)
        if extra is not None and outcome.document is not None:
            result.problems.append(_locate(outcome.document, extra, options.strict))
        result.problems.sort(key=lambda p: (p.line, p.column))
    return results


def _file_result(outcome: Outcome, options: Options) -> FileResult:
    result = FileResult(outcome.path, list(outcome.problems))
    card, doc = outcome.scorecard, outcome.document
    if card is None or doc is None:
        return result
    for problem in assessment_warnings(card.assessment, card.rubric, options.today):
        result.problems.append(_locate(doc, problem, options.strict))
    for failure in check(card, options.gate):
        result.problems.append(doc.locate(_gate_problem(failure)))
    return result


def _locate(doc: Document, problem: Problem, strict: bool) -> Located:
    if strict and problem.severity == "warning":
        problem = replace(problem, severity="error")
    return doc.locate(problem)


def _gate_problem(failure: GateFailure) -> Problem:
    index = failure.scorecard.index
    if failure.kind == "fail_under":
        exact = exact_text(index.exact)
        params = {"shown": index.value, "exact": exact, "threshold": failure.threshold}
        return Problem("SPBE361", (), params)
    return Problem("SPBE362", (), {"predicate": index.predicate, "minimum": failure.threshold})


def _folder_warnings(outcomes: list[Outcome]) -> dict[str, Problem]:
    """SPBE355 for every scored file whose agency differs from the rest of its folder."""
    folders: dict[Path, list[AgencyName]] = defaultdict(list)
    for o in outcomes:
        if o.scorecard is not None:
            assessment = o.scorecard.assessment
            long_form = isinstance(assessment.instansi, Agency)
            name = AgencyName(o.path, assessment.agency.nama, long_form)
            folders[Path(o.path).parent].append(name)
    found: dict[str, Problem] = {}
    for names in folders.values():
        found.update(agency_mismatches(names))
    return found
