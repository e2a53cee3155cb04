"""The ranking core of `spbe rank`: competition ranks of exact values, from any iterable of rows.

Ties, group ranks and summary figures through the command are in tests/acceptance/test_rank_cli.py.
"""

from __future__ import annotations

from fractions import Fraction

from conftest import FIXTURES

from spbe_cli.app.assess import RubricStore
from spbe_cli.core.rank import Row, competition_ranks, rank

RANK = FIXTURES / "rank"


def test_competition_ranking_shares_ranks_by_exact_value() -> None:
    values = [Fraction(5), Fraction(4), Fraction(4), Fraction(3)]
    assert competition_ranks(values) == [(1, False), (2, True), (2, True), (4, False)]


def test_rank_core_takes_an_iterable_and_compares_exact_values() -> None:
    rubric = RubricStore().load(RANK / "mini-rubric.yaml")
    exact = [Fraction("2.595"), Fraction("2.6"), Fraction("2.6")]

    def rows():
        for n, value in enumerate(exact):
            yield Row(
                f"f{n}",
                f"Instansi {n}",
                "kota",
                "Jambi",
                2022,
                rubric,
                value,
                (("1", value), ("2", value)),
            )

    ranking = rank(rows())
    # 2.595 shows 2.60 like the others, yet it is lower: it ranks 3rd, alone, and is Cukup.
    assert [(r.row.file, r.rank, r.tied) for r in ranking.rows] == [
        ("f1", 1, True),
        ("f2", 1, True),
        ("f0", 3, False),
    ]
    assert ranking.rows[2].row.predicate == "Cukup"
