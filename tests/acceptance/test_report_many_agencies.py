"""A folder of a national round given to `spbe report` is refused in one readable line.

The refusal named every agency of the folder: 600 names, some 17,000 characters, in one line.
It names the first five and says how many more there are, in the user's language.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from conftest import EXAMPLES
from typer.testing import CliRunner

from spbe_cli.cli.main import app

pytest.importorskip("jinja2")


def folder_of(tmp_path: Path, count: int) -> Path:
    data = yaml.safe_load((EXAMPLES / "kota-contoh-2022.yaml").read_text(encoding="utf-8"))
    for n in range(count):
        data["instansi"]["nama"] = f"Pemerintah Kota Contoh {n:02d}"
        (tmp_path / f"k{n:02d}.yaml").write_text(yaml.safe_dump(data), encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize(
    ("lang", "more"), [("id", "dan 7 instansi lainnya"), ("en", "and 7 more agencies")]
)
def test_names_five_agencies_and_counts_the_rest(tmp_path: Path, lang: str, more: str) -> None:
    folder = folder_of(tmp_path, 12)
    result = CliRunner().invoke(
        app, ["report", str(folder), "-o", str(tmp_path / "r.html"), "--lang", lang]
    )
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].endswith(more), result.output
    assert "Contoh 04" in lines[0] and "Contoh 05" not in lines[0]
    assert not (tmp_path / "r.html").exists()


def test_a_few_agencies_are_all_named(tmp_path: Path) -> None:
    folder = folder_of(tmp_path, 3)
    result = CliRunner().invoke(app, ["report", str(folder), "-o", str(tmp_path / "r.html")])
    assert result.exit_code == 2
    assert all(f"Contoh {n:02d}" in result.output for n in range(3))
    assert "lainnya" not in result.output
