"""`spbe convert` is lossless: random assessments of all three bundled rubrics, every pair of
formats (YAML, TOML, JSON, xlsx), read back with the same header, levels and texts.

"The same" is as validation reads a file: an empty optional text is the same as none, an absent
indicator the same as one without a level. Texts are any printable Unicode, line breaks, tabs,
U+2028/U+2029 and text that looks like a formula, a number or a YAML keyword included; evidence
items are one line each (a workbook cell holds one item per line, and `convert` refuses others).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from conftest import bundled
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from spbe_cli.app.assess import RubricStore, assess
from spbe_cli.app.convert import convert
from spbe_cli.model.assessment import Agency, Assessment, Entry
from spbe_cli.model.characters import unsafe_char
from spbe_cli.model.rubric import Rubric
from spbe_cli.render import assessment_out
from spbe_cli.render.workbook.assessment import assessment_workbook

pytest.importorskip("openpyxl")
pytestmark = pytest.mark.slow
RUBRICS = ["permenpanrb-59-2020", "permenpanrb-5-2018", "pemdi-8-2026"]
FORMATS = ["yaml", "toml", "json", "xlsx"]

_CHARS = st.characters(
    blacklist_categories=("Cs", "Cc", "Co", "Cn"),
    blacklist_characters="\ufffe\uffff",
)
SPECIAL = st.sampled_from(
    ["=1+2", "#N/A", "yes", "null", "3", "1e3", " padded ", "a: b", "- x", "'q'", '"dq"', "@x"]
)
# Only text that validation accepts (model/characters.py): a one-line field holds no line or
# paragraph separator and no bidi control; an explanation may hold tab and line breaks.
LINE = st.one_of(st.text(_CHARS, max_size=40), SPECIAL).filter(lambda s: unsafe_char(s) is None)
TEXT = st.one_of(
    LINE,
    st.lists(st.one_of(LINE, st.sampled_from(["\t", "\u2028", "\u2029"])), max_size=4)
    .map("\n".join)
    .filter(lambda s: unsafe_char(s, multiline=True) is None),
)
ITEM = (
    st.one_of(st.text(_CHARS, min_size=1, max_size=30), SPECIAL)
    .filter(lambda s: s.strip())
    .filter(lambda s: unsafe_char(s) is None)
)


@st.composite
def assessments(draw: Any, rubric: Rubric) -> Assessment:
    entries: dict[str, int | Entry | None] = {}
    for ind in rubric.indicators:
        if draw(st.integers(0, 5)) == 0:
            continue  # absent: the same as present without a level
        level = draw(st.none() | st.integers(rubric.level_min, rubric.level_max))
        penjelasan = draw(st.none() | TEXT)
        bukti = draw(st.none() | st.lists(ITEM, max_size=3))
        entries[ind.key] = Entry(level, penjelasan, bukti)
    kinds = st.sampled_from(rubric.agency_kinds) if rubric.agency_kinds else LINE
    agency = Agency(draw(LINE), draw(st.none() | kinds), draw(st.none() | LINE))
    stage = draw(st.sampled_from(rubric.stages)) if rubric.stages else draw(LINE)
    return Assessment(rubric.id, agency, draw(st.integers(1990, 2100)), entries, stage)


def written(rubric: Rubric, assessment: Assessment, fmt: str, path: Path) -> Path:
    """The assessment as `fmt`, by the same writers `spbe convert` uses."""
    if fmt == "xlsx":
        from spbe_cli.core.scoring import score

        path.write_bytes(assessment_workbook(score(rubric, assessment), "id"))
    elif fmt == "yaml":
        path.write_text(assessment_out.to_yaml(rubric, assessment), "utf-8")
    elif fmt == "toml":
        path.write_text(assessment_out.to_toml(rubric, assessment), "utf-8")
    else:
        path.write_text(assessment_out.to_json(rubric, assessment), "utf-8")
    return path


def normal(rubric: Rubric, a: Assessment) -> dict[str, Any]:
    agency = a.agency
    entries = {}
    for ind in rubric.indicators:
        entry = a.entry(ind.key) or Entry()
        entries[ind.key] = (entry.level, entry.penjelasan or None, tuple(entry.bukti_dukung or ()))
    return {
        "header": (a.rubrik, agency.nama, agency.jenis or None, agency.provinsi or None),
        "when": (a.tahun, a.tahap),
        "indikator": entries,
    }


def read_back(path: Path) -> Assessment:
    outcome = assess(path, RubricStore(), partial=True)
    assert outcome.scorecard is not None, [p.problem for p in outcome.problems]
    return outcome.scorecard.assessment


@pytest.mark.parametrize("rubric_id", RUBRICS)
def test_every_pair_of_formats_round_trips(rubric_id: str, tmp_path_factory: Any) -> None:
    rubric = bundled(rubric_id)

    @settings(
        max_examples=6,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(assessments(rubric))
    def check(original: Assessment) -> None:
        folder = tmp_path_factory.mktemp("pairs")
        expected = normal(rubric, original)
        for source_fmt in FORMATS:
            source = written(rubric, original, source_fmt, folder / f"in.{source_fmt}")
            assert normal(rubric, read_back(source)) == expected, source_fmt
            for target_fmt in FORMATS:
                if target_fmt == source_fmt:
                    continue
                target = folder / f"out-{source_fmt}.{target_fmt}"
                done = convert(source, target, target_fmt)  # type: ignore[arg-type]
                written(done.card.rubric, done.card.assessment, target_fmt, target)
                assert normal(rubric, read_back(target)) == expected, (source_fmt, target_fmt)

    check()
