"""records.write_json writes exactly what to_json returns, part by part (issue 17).

Long outputs (a trend of many files) are written as their parts are made, with Lazy arrays whose
elements exist one at a time; the bytes must be those of the document encoded at once.
"""

from __future__ import annotations

import io
from decimal import Decimal
from fractions import Fraction
from typing import Any

import hypothesis.strategies as st
import pytest
from hypothesis import given, settings

from spbe_cli.render.records import Lazy, Raw, to_json, write_json

leaves = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.text(max_size=6)
    | st.decimals(allow_nan=False, allow_infinity=False, places=2)
    | st.fractions(max_denominator=1000)
)
trees = st.recursive(
    leaves,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.lists(inner, max_size=4).map(tuple)
        | st.lists(inner, max_size=3).map(lambda items: Lazy(lambda: iter(items)))
        | st.dictionaries(st.text(max_size=4) | st.integers(), inner, max_size=4)
    ),
    max_leaves=40,
)


def streamed(value: Any) -> str:
    out = io.StringIO()
    write_json(value, out)
    return out.getvalue()


@pytest.mark.slow
@settings(max_examples=500, deadline=None)
@given(trees)
def test_written_part_by_part_is_the_document(value: Any) -> None:
    assert streamed(value) == to_json(value)


def test_lazy_arrays_are_made_as_they_are_written() -> None:
    made: list[int] = []

    def items() -> Any:
        for n in range(3):
            made.append(n)
            yield {"n": n, "exact": Fraction(1, 3), "value": Decimal("0.30")}

    out = io.StringIO()
    write_json({"points": Lazy(items), "empty": Lazy(lambda: iter(())), "raw": Raw("1")}, out)
    assert made == [0, 1, 2]
    assert out.getvalue() == to_json(
        {"points": [{"n": n, "exact": Fraction(1, 3), "value": Decimal("0.30")} for n in range(3)],
         "empty": [], "raw": Raw("1")}
    )  # fmt: skip
