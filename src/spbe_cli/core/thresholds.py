"""Thresholds for CI: compare exact values, like predicates, never the rounded display.

An exact 2.5975 shows "2.60" yet fails --fail-under 2.6; the failure then quotes the exact value so
the user sees why (coverage.py's fail_under had the reverse bug for years).
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from spbe_cli.core.scoring import Scorecard
from spbe_cli.model.codes import Code
from spbe_cli.model.exact import exact_text
from spbe_cli.model.problems import Problem


@dataclass(frozen=True)
class Gate:
    fail_under: Fraction | None = None
    min_predicate: str | None = None


@dataclass(frozen=True)
class GateFailure:
    kind: str  # "fail_under" | "min_predicate"
    scorecard: Scorecard
    threshold: str

    @property
    def params(self) -> dict[str, object]:
        """What every message about this failure quotes: the shown and exact index, or the
        predicate, and the threshold as the user wrote it. Numbers stay numbers: the catalogue
        writes them for the reader's language (2,5975 in Indonesian), never as a fraction."""
        index = self.scorecard.index
        if self.kind == "fail_under":
            return {
                "shown": index.value,
                "exact": index.exact,
                "threshold": Fraction(self.threshold),
            }
        return {"predicate": index.predicate, "minimum": self.threshold}

    def problem(self) -> Problem:
        """The failure as a problem of its file (SPBE361, SPBE362), for `spbe validate`."""
        return Problem(Code.SPBE361 if self.kind == "fail_under" else Code.SPBE362, (), self.params)


class UnknownPredicate(ValueError):
    """--min-predicate names no band of the file's rubric; `allowed` are that rubric's bands."""

    def __init__(self, name: str, allowed: tuple[str, ...] = ()) -> None:
        super().__init__(name)
        self.allowed = allowed

    def __reduce__(self) -> tuple[type, tuple[str, tuple[str, ...]]]:
        """Raised in a worker process and re-raised in the parent: keep `allowed` across."""
        return (UnknownPredicate, (str(self), self.allowed))


def check(scorecard: Scorecard, gate: Gate) -> list[GateFailure]:
    failures: list[GateFailure] = []
    index = scorecard.index
    if gate.fail_under is not None and index.exact < gate.fail_under:
        failures.append(GateFailure("fail_under", scorecard, exact_text(gate.fail_under)))
    if gate.min_predicate is not None:
        rubric = scorecard.rubric
        band = rubric.band_named(gate.min_predicate)
        if band is None:
            raise UnknownPredicate(gate.min_predicate, tuple(b.name for b in rubric.bands))
        if rubric.predicate_rank(index.predicate) < rubric.predicate_rank(band.name):
            failures.append(GateFailure("min_predicate", scorecard, band.name))
    return failures
