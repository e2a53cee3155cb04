"""Hostile and broken files through the real `spbe validate` process: a message, a code, no crash.

Each case runs in a subprocess with a timeout, so a hang or a segfault of the C YAML composer fails
the test instead of the suite. Small files live in tests/fixtures/hostile/; big ones are made here.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import EXAMPLES, FIXTURES

HOSTILE = FIXTURES / "hostile"
SPBE = shutil.which("spbe") or "spbe"


def run(*args: str | Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    full_env = {**os.environ, "SPBE_LANG": "en", **(env or {})}
    full_env.pop("SPBE_MAX_BYTES", None) if env is None else None
    command = [sys.executable, "-m", "spbe_cli", "validate", *map(str, args)]
    result = subprocess.run(command, capture_output=True, text=True, timeout=20, env=full_env)
    assert "Traceback" not in result.stderr + result.stdout
    return result


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("empty.yaml", "SPBE008"),
        ("binary.yaml", "SPBE004"),
        ("control-chars.yaml", "SPBE005"),
        ("invalid-utf8.yaml", "SPBE004"),
        ("alias-bomb.yaml", "SPBE009"),
        ("python-tag.yaml", "SPBE007"),
        ("duplicate-deep.yaml", "SPBE006"),
        ("tabs.yaml", "SPBE011"),
        ("huge-int.yaml", "SPBE009"),
        ("huge-exponent.yaml", "SPBE103"),
        ("huge-exponent.json", "SPBE005"),
    ],
)
def test_hostile_fixture(name: str, code: str) -> None:
    result = run(HOSTILE / name)
    assert result.returncode == 1, result.stderr
    assert f"error[{code}]" in result.stdout


def test_tab_is_reported_at_its_line() -> None:
    result = run(HOSTILE / "tabs.yaml")
    assert f"{HOSTILE / 'tabs.yaml'}:3:1: error[SPBE011]" in result.stdout


def test_python_tag_is_never_constructed(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    file = tmp_path / "tag.yaml"
    file.write_text(f'rubrik: !!python/object/apply:os.system ["touch {marker}"]\n')
    result = run(file)
    assert result.returncode == 1
    assert "SPBE007" in result.stdout
    assert not marker.exists()


@pytest.mark.parametrize(
    ("text", "suffix"),
    [
        ("[" * 100_000, ".yaml"),
        ("{a: " * 40_000, ".yaml"),
        ("- " * 50_000 + "x\n", ".yaml"),
        ("".join(" " * i + f"k{i}:\n" for i in range(2_500)), ".yaml"),
        ("[" * 100_000, ".json"),
        ("x = " + "[" * 100_000, ".toml"),
    ],
    ids=["flow-brackets", "flow-maps", "block-dashes", "block-indent", "json", "toml"],
)
def test_deep_nesting_is_refused(tmp_path: Path, text: str, suffix: str) -> None:
    file = tmp_path / f"deep{suffix}"
    file.write_text(text)
    result = run(file)
    assert result.returncode == 1, result.stderr
    assert "SPBE009" in result.stdout or "SPBE005" in result.stdout


def test_file_over_the_default_limit(tmp_path: Path) -> None:
    file = tmp_path / "big.yaml"
    file.write_text("# padding\n" * 600_000)  # 6 MB of comments: valid YAML, too big
    result = run(file)
    assert result.returncode == 1
    assert "error[SPBE003]" in result.stdout


def test_size_limit_from_env_and_option(tmp_path: Path) -> None:
    file = tmp_path / "kota.yaml"
    shutil.copy(EXAMPLES / "kota-contoh-2022.yaml", file)
    assert "SPBE003" in run(file, env={"SPBE_MAX_BYTES": "1000"}).stdout
    by_option = run(file, "--max-bytes", "1000")
    assert by_option.returncode == 1 and "SPBE003" in by_option.stdout
    assert run(file, "--max-bytes", "0").returncode == 2


def test_directory_named_like_a_file(tmp_path: Path) -> None:
    folder = tmp_path / "kota.yaml"
    folder.mkdir()
    result = run(folder)
    assert result.returncode == 2
    assert "no assessment files" in result.stderr


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads anything")
def test_unreadable_file(tmp_path: Path) -> None:
    file = tmp_path / "secret.yaml"
    shutil.copy(EXAMPLES / "kota-contoh-2022.yaml", file)
    file.chmod(0)
    try:
        result = run(file)
    finally:
        file.chmod(0o644)
    assert result.returncode == 1
    assert "error[SPBE001]" in result.stdout


def test_missing_file() -> None:
    result = run("no/such/file.yaml")
    assert result.returncode == 1
    assert "error[SPBE001]" in result.stdout


def test_bom_and_crlf_simply_work(tmp_path: Path) -> None:
    text = (EXAMPLES / "kota-contoh-2022.yaml").read_text(encoding="utf-8")
    file = tmp_path / "windows.yaml"
    file.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    result = run(file)
    assert result.returncode == 0, result.stdout
    assert "1 files, 1 valid, 0 with errors" in result.stdout


def test_one_bad_file_in_a_folder_of_good_ones(tmp_path: Path) -> None:
    for n in range(5):
        shutil.copy(EXAMPLES / "kota-contoh-2022.yaml", tmp_path / f"kota-{n}.yaml")
    shutil.copy(HOSTILE / "duplicate-deep.yaml", tmp_path / "broken.yaml")
    result = run(tmp_path)
    assert result.returncode == 1
    assert "broken.yaml:8:5: error[SPBE006]" in result.stdout
    assert "6 files, 5 valid, 1 with errors" in result.stdout
