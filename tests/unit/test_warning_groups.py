"""Folding claim warnings to one per file and code (core/warning_groups.py), as pure functions."""

from __future__ import annotations

from spbe_cli.core.warning_groups import SHOWN, id_runs, one_per_code
from spbe_cli.messages import text
from spbe_cli.model.codes import Code
from spbe_cli.model.problems import Problem


def claim(code: Code, key: str, level: int) -> Problem:
    params = {"claim": {"catalogue": "validate.claim.one", "id": key, "level": level}}
    extra = {"min": 1} if code == Code.SPBE351 else {"from": 3}
    path = ("indikator", key)
    return Problem(code, path, {**params, **extra, "more": ""}, severity="warning")


def test_runs_of_three_or_more_whole_numbers_are_joined() -> None:
    assert id_runs(["1", "2", "3", "5", "6", "8", "9", "10", "11"]) == "1–3, 5, 6, 8–11"
    assert id_runs(["35-1", "35-2", "35-3"]) == "35-1, 35-2, 35-3"  # text ids never join
    assert id_runs(["3", "2", "1"]) == "3, 2, 1"  # only ascending runs, in the order given
    assert id_runs([]) == ""


def test_a_long_list_is_cut_after_a_dozen_parts() -> None:
    ids = [str(n) for n in range(1, 60, 2)]  # 30 odd numbers: no runs
    shown = id_runs(ids)
    assert shown.endswith(" …") and shown.count(",") == SHOWN - 1


def test_one_problem_per_code_at_the_first_ones_place() -> None:
    problems = [
        claim(Code.SPBE351, "1", 2),
        claim(Code.SPBE352, "2", 3),
        claim(Code.SPBE351, "2", 3),
        claim(Code.SPBE351, "3", 4),
        Problem(Code.SPBE353, ("tahun",), {"year": 2099, "today": 2026}, "warning"),
    ]
    folded = one_per_code(problems)
    assert [(p.code, p.path) for p in folded] == [
        (Code.SPBE351, ("indikator", "1")),
        (Code.SPBE352, ("indikator", "2")),  # alone: unchanged
        (Code.SPBE353, ("tahun",)),
    ]
    assert folded[1] is problems[1]
    message = text(folded[0].code, "en", **folded[0].params)
    assert message == (
        "indicators 1–3 (3 indicators) claim level 2–4 without an explanation; add `penjelasan`: "
        "assessors ask for one for any level above 1; --all-warnings lists each indicator"
    )
    alone = text(folded[1].code, "en", **folded[1].params)
    assert alone == (
        "indicator 2 claims level 3 without evidence; consider adding `bukti_dukung`, which "
        "assessors usually ask for from level 3 on"
    )


def test_nothing_to_fold_is_returned_as_it_was() -> None:
    problems = [claim(Code.SPBE351, "1", 2), claim(Code.SPBE352, "1", 3)]
    assert one_per_code(problems) == problems
