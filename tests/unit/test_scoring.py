"""The scoring core against the regulation's worked examples and the ministry's rounding rules."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
import yaml
from conftest import FIXTURES

from spbe_cli.core.scoring import score
from spbe_cli.model.assessment import Assessment, validate_assessment
from spbe_cli.model.exact import exact_text, round_half_up
from spbe_cli.model.rubric import Rubric

EXACT = yaml.safe_load((FIXTURES / "exact-indices.yaml").read_text())


def assessment_of(rubric: Rubric, levels: dict[str, int | None]) -> Assessment:
    data = {"rubrik": rubric.id, "instansi": "Uji", "tahun": 2024, "indikator": levels}
    result = validate_assessment(data, rubric, partial=True)
    assert isinstance(result, Assessment), result
    return result


def all_at(rubric: Rubric, level: int, **overrides: int) -> dict[str, int | None]:
    levels: dict[str, int | None] = {i.key: level for i in rubric.indicators}
    levels.update({k.lstrip("_"): v for k, v in overrides.items()})
    return levels


def vector(rubric: Rubric, name: str) -> dict[str, int | None]:
    return {i.key: lv for i, lv in zip(rubric.indicators, EXACT[name], strict=True)}


def test_aspect_worked_example(rubric59: Rubric) -> None:
    # Regulation: aspect 2 with levels 3, 4, 3, 2 gives 3.00.
    card = score(rubric59, assessment_of(rubric59, all_at(rubric59, 1, _11=3, _12=4, _13=3, _14=2)))
    aspect2 = next(a for a in card.aspects if a.key == "2")
    assert aspect2.index.exact == 3
    assert str(aspect2.index.value) == "3.00"


def test_domain_worked_example(rubric59: Rubric) -> None:
    # Regulation: domain 2 with aspect indices 3.00, 4.00, 3.00 gives 3.40.
    levels = all_at(rubric59, 1, _11=3, _12=4, _13=3, _14=2)
    levels.update({k: 4 for k in ("15", "16", "17", "18")} | {"19": 3, "20": 3})
    card = score(rubric59, assessment_of(rubric59, levels))
    assert [str(a.index.value) for a in card.aspects[1:4]] == ["3.00", "4.00", "3.00"]
    assert card.domain("2").index.exact == Fraction("3.4")


def test_index_worked_example_from_domain_weights(rubric59: Rubric) -> None:
    # Regulation: domain indices 3.70, 3.40, 3.00, 3.20 give 3.282, shown as 3.28.
    domain_indices = [Fraction(x) for x in ("3.70", "3.40", "3.00", "3.20")]
    exact = sum(i * d.weight for i, d in zip(domain_indices, rubric59.domains, strict=True)) / 100
    assert exact == Fraction("3.282")
    assert str(round_half_up(exact)) == "3.28"


@pytest.mark.parametrize(
    ("name", "shown", "predicate"),
    [
        ("4.765", "4.77", "Memuaskan"),
        ("1.025", "1.03", "Kurang"),
        ("4.2", "4.20", "Memuaskan"),
        ("4.1975", "4.20", "Sangat Baik"),
        ("3.5", "3.50", "Sangat Baik"),
        ("3.4975", "3.50", "Baik"),
        ("2.6", "2.60", "Baik"),
        ("2.5975", "2.60", "Cukup"),
        ("1.8", "1.80", "Cukup"),
        ("1.7975", "1.80", "Kurang"),
    ],
)
def test_rounding_and_predicates_from_real_levels(
    rubric59: Rubric, name: str, shown: str, predicate: str
) -> None:
    card = score(rubric59, assessment_of(rubric59, vector(rubric59, name)))
    assert card.index.exact == Fraction(name)
    assert str(card.index.value) == shown
    assert card.index.predicate == predicate


@pytest.mark.parametrize(
    ("exact", "shown", "predicate"),
    [
        ("3.4985", "3.50", "Baik"),
        ("4.2000", "4.20", "Memuaskan"),
        ("1.7975", "1.80", "Kurang"),
        ("2.596", "2.60", "Cukup"),
        ("3.4999999", "3.50", "Baik"),
        ("5", "5.00", "Memuaskan"),
        ("1", "1.00", "Kurang"),
    ],
)
def test_predicate_comes_from_the_exact_value(
    rubric59: Rubric, exact: str, shown: str, predicate: str
) -> None:
    value = Fraction(exact)
    assert str(round_half_up(value)) == shown
    assert rubric59.predicate_for(value) == predicate


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        ("4.765", "4.77"),
        ("1.025", "1.03"),
        ("2.675", "2.68"),
        ("0.125", "0.13"),
        ("-1.025", "-1.03"),
        ("2.7949", "2.79"),
    ],
)
def test_round_half_up_ties(value: str, shown: str) -> None:
    assert round_half_up(Fraction(value)) == Decimal(shown)


def test_exact_text_terminating_and_repeating() -> None:
    assert exact_text(Fraction("3.282")) == "3.282"
    assert exact_text(Fraction(20, 11)) == "20/11"
    assert Fraction(exact_text(Fraction(20, 11))) == Fraction(20, 11)


def test_domain_index_comes_from_levels_not_rounded_aspects(rubric59: Rubric) -> None:
    # Domain 3 divides by 16.5: its exact value does not terminate and must not be rebuilt
    # from the rounded aspect values.
    card = score(rubric59, assessment_of(rubric59, all_at(rubric59, 2, _21=3, _29=3)))
    domain3 = card.domain("3")
    assert domain3.index.exact == sum(
        Fraction(card.indicators[int(i.key) - 1].level or 0) * i.weight
        for i in rubric59.domains[2].indicators
    ) / Fraction("16.5")


def test_contribution_and_headroom(rubric59: Rubric) -> None:
    card = score(rubric59, assessment_of(rubric59, all_at(rubric59, 3)))
    first = card.indicators[0]
    assert first.contribution == Fraction("0.039")
    assert first.headroom == Fraction("0.026")
    assert sum(s.contribution for s in card.indicators) == card.index.exact


def test_partial_scores_a_range_not_a_mean(rubric59: Rubric) -> None:
    levels = all_at(rubric59, 5)
    levels["45"] = levels["46"] = None
    card = score(rubric59, assessment_of(rubric59, levels))
    assert card.missing == ("45", "46")
    assert card.index.low == Fraction(500 - 2 * 3 * 4, 100)
    assert card.index.high == 5
    assert not card.index.settled


def test_examples_reproduce_the_public_story(rubric59: Rubric) -> None:
    from conftest import EXAMPLES

    from spbe_cli.app.assess import RubricStore, assess

    store = RubricStore()
    first = assess(EXAMPLES / "kota-contoh-2021.yaml", store).scorecard
    second = assess(EXAMPLES / "kota-contoh-2022.yaml", store).scorecard
    assert first is not None and second is not None
    assert (str(first.index.value), first.index.predicate) == ("1.69", "Kurang")
    assert (str(second.index.value), second.index.predicate) == ("2.79", "Baik")


def test_integer_units_are_exact_for_every_bundled_rubric() -> None:
    from conftest import bundled

    units = {r: bundled(r).unit for r in ("permenpanrb-59-2020", "permenpanrb-5-2018")}
    assert units == {"permenpanrb-59-2020": Fraction(1, 20), "permenpanrb-5-2018": Fraction(1, 3)}
    for rubric_id in ("permenpanrb-59-2020", "permenpanrb-5-2018", "pemdi-8-2026"):
        rubric = bundled(rubric_id)
        assert all(i.units * rubric.unit == i.weight for i in rubric.indicators)
