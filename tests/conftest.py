"""Shared fixtures: paths of the repository's examples and the bundled rubrics, loaded once."""

from __future__ import annotations

from pathlib import Path

import pytest

from spbe_cli.app.assess import RubricStore, bundled_dir
from spbe_cli.model.rubric import Rubric

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
FIXTURES = Path(__file__).resolve().parent / "fixtures"

_STORE = RubricStore()


def bundled(rubric_id: str) -> Rubric:
    loaded = _STORE.load(bundled_dir() / f"{rubric_id}.yaml")
    assert isinstance(loaded, Rubric), loaded
    return loaded


@pytest.fixture(scope="session")
def rubric59() -> Rubric:
    return bundled("permenpanrb-59-2020")
