"""The rubric: indicators, weights, levels and predicates of one SPBE framework, read from data.

Nothing here names an indicator, a weight, a bound, a predicate, a stage or an agency kind: every
rubric file brings its own, because each regulation defines them afresh (Pemdi 2026 moved the
bands). Building a Rubric checks what the formulas rely on (weights that add up exactly, unique
ids, contiguous predicate bands, named levels) so that scoring never has to doubt its input.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from fractions import Fraction

_ERA = r"^\s*(\d{4})\s*[-–]\s*(\d{4})?\s*$"
"""Compiled on first use (re's cache keeps it): scoring one file never asks, and compiling it
at import cost 0.2 ms of every start."""


def era_years(era: str) -> tuple[int, int | None] | None:
    """The rounds a rubric applies to: "2021-2025" → (2021, 2025), "2026-" → (2026, None)."""
    match = re.match(_ERA, era)
    if match is None:
        return None
    last = match.group(2)
    return int(match.group(1)), int(last) if last else None


def name_key(name: str) -> str:
    """A name as people compare it: case and spacing ignored ("Kota  contoh" is "Kota Contoh")."""
    return " ".join(name.split()).casefold()


_REFERENCE_NOISE = re.compile(r"[\s._-]+")


def reference_key(name: str) -> str:
    """A rubric id or alias as officials write it, compared without case, spaces, dots, hyphens
    and underscores: "PermenPAN-RB No. 59/2020", "permenpanrb 59/2020" and "PermenPANRB 59/2020"
    are one name. The slash stays, so "5/2018" never meets "52018"-like ids."""
    return _REFERENCE_NOISE.sub("", name).casefold()


@dataclass(frozen=True)
class Scale:
    """A scale's level names (level → name), shared by the indicators that use it."""

    id: str
    name: str
    levels: Mapping[int, str]


@dataclass(frozen=True)
class Indicator:
    """One indicator as scoring reads it: its weight in the rubric's units, its scale, its step."""

    key: str
    """The id as text: what assessment files are matched against ("1", "35-1")."""
    id: int | str
    """The id as the rubric writes it, kept for output."""
    name: str
    weight: Fraction
    units: int
    """The weight as a whole number of the rubric's `unit`: sums of levels × units are integers."""
    aspect_key: str
    scale: Scale
    step: Fraction
    """What one level of this indicator adds to the overall index: weight / the rubric's total
    weight. Kept here, not derived, because an indicator does not know its rubric."""
    question: str | None = None
    criteria: Mapping[int, str] = field(default_factory=dict)

    def level_name(self, level: int | None) -> str:
        """The scale's name for `level`; empty for a level not given (a draft)."""
        return "" if level is None else self.scale.levels.get(level, "")


@dataclass(frozen=True)
class Aspect:
    """A group of indicators; the checks proved its weight is the sum of theirs."""

    key: str
    id: int | str
    name: str
    weight: Fraction
    domain_key: str | None
    indicators: tuple[Indicator, ...]


@dataclass(frozen=True)
class Domain:
    """A group of aspects (59/2020 and 5/2018 have domains, Pemdi 2026 none)."""

    key: str
    id: int | str
    name: str
    weight: Fraction
    aspects: tuple[Aspect, ...]

    @property
    def indicators(self) -> tuple[Indicator, ...]:
        return tuple(i for a in self.aspects for i in a.indicators)


@dataclass(frozen=True)
class PredicateBand:
    """A predicate and its range: `low` inclusive, `high` exclusive except in the top band."""

    name: str
    low: Fraction
    high: Fraction


@dataclass(frozen=True)
class Rubric:
    """A checked rubric: what scoring needs, its sums already proven exact (rubric_file.py)."""

    id: str
    title: str
    regulation: str
    era: str
    status: str
    source: str
    level_min: int
    level_max: int
    decimals: int
    bands: tuple[PredicateBand, ...]
    scales: Mapping[str, Scale]
    domains: tuple[Domain, ...]
    aspects: tuple[Aspect, ...]
    indicators: tuple[Indicator, ...]
    by_key: Mapping[str, Indicator]
    unit: Fraction
    """The largest weight that divides every indicator weight (1/20 for 59/2020, 1/3 for 5/2018).

    Scoring sums integers of this unit and divides once per index: exact, and far cheaper than
    adding Fractions indicator by indicator.
    """
    total_weight: Fraction
    """The weight of the whole index (100 when weights are percent): the overall index is
    Σ(level × weight) / this, and the checks made sure the top-level weights add up to it."""
    good_from: str
    """The band from which a result counts as good in `spbe rank`'s summary (the ministry's
    target measure); always the name of one of `bands`, as the rubric spells it."""
    evidence_from_level: int
    """From this level on a claim is expected to carry evidence (`bukti_dukung`, warning
    SPBE352); inside [level_min, level_max]."""
    stages: tuple[str, ...]
    """The assessment stages (`tahap`) in the order they happen; empty when the rubric names
    none, and then any stage name is accepted and stages are not ordered."""
    agency_kinds: tuple[str, ...]
    """The agency kinds (`instansi.jenis`) allowed; empty when any kind is accepted."""
    index_name: Mapping[str, str] = field(default_factory=dict)
    """What the regulation calls its result, by output language ("id", "en"): "Indeks Pemerintah
    Digital (Indeks Pemdi)" for Pemdi 2026. Empty when the rubric names none, and then outputs say
    "Indeks SPBE" from the message catalogue. Data, because each regulation names it afresh."""
    report_title: Mapping[str, str] = field(default_factory=dict)
    """The title of a report on this rubric's result, by language ("Laporan Evaluasi Pemerintah
    Digital"); empty for the catalogue's "Laporan Evaluasi SPBE"."""
    aliases: tuple[str, ...] = ()
    """Other names of the rubric, as officials cite its regulation ("PermenPANRB 59/2020"):
    an assessment's `rubrik` or a `--rubric` may give one instead of the id (bundled rubrics)."""

    def units_of(self, weight: Fraction) -> int:
        """A group weight (a sum of indicator weights) in units; exact by construction.

        weight / unit in integers (a Fraction division costs ten times more, and this runs for
        every index of every file of a batch).
        """
        units, rest = divmod(
            weight.numerator * self.unit.denominator, weight.denominator * self.unit.numerator
        )
        assert rest == 0, weight
        return units

    @property
    def provisional(self) -> bool:
        return self.status != "verified"

    @property
    def default_stage(self) -> str:
        """The stage of a file that names none: the first one, or no stage at all ("")."""
        return self.stages[0] if self.stages else ""

    def stage_order(self, stage: str) -> int | None:
        """Where `stage` comes in the rubric's order; None when the rubric orders no stages."""
        return self.stages.index(stage) if stage in self.stages else None

    def predicate_for(self, value: Fraction) -> str:
        """The predicate of an exact value: bands compare exact fractions, never rounded text.

        n/d >= a/b as n·b >= a·d (denominators are positive): exact, and cheaper than Fraction
        comparisons for the several values of every file of a batch.
        """
        numerator, denominator = value.numerator, value.denominator
        for band in reversed(self.bands):
            low = band.low
            if numerator * low.denominator >= low.numerator * denominator:
                return band.name
        return self.bands[0].name

    @property
    def id_span(self) -> str:
        """The rubric's indicator ids for a message: "1 … 47", or all of a short list."""
        keys = [i.key for i in self.indicators]
        return f"{keys[0]} … {keys[-1]}" if len(keys) > 6 else ", ".join(keys)

    def band_named(self, name: str) -> PredicateBand | None:
        wanted = name.strip().casefold().replace("_", " ").replace("-", " ")
        for band in self.bands:
            if band.name.casefold() == wanted:
                return band
        return None

    def predicate_rank(self, name: str) -> int:
        return [b.name for b in self.bands].index(name)
