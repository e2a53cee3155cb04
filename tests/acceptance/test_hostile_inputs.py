"""Untrusted input files through the command line (issue 13, the input half).

The corpus (tests/fixtures/hostile/, one small file per trap and input format) runs in-process,
each file with its code at its place. The whole list of issue 13, large files, symlinks and
FIFOs included, is benchmarks/hostile.py: `test_every_hostile_case` runs each case in its own
process under a memory limit and a timeout, so a blow-up or a hang fails the test instead of the
machine (its speed is the benchmark's business, never a test's).
"""

from __future__ import annotations

import importlib.util
import os
import re
import resource
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import EXAMPLES, FIXTURES, ROOT
from typer.testing import CliRunner

from spbe_cli.cli.main import app

HOSTILE = FIXTURES / "hostile"
TINY = FIXTURES / "rubrics" / "tiny.yaml"
MEMORY = 512 * 1024 * 1024
"""Address space of one spbe process in these tests: ample for any file (a cold `spbe score` maps
about 150 MB), far below what a blow-up asks for."""
runner = CliRunner()


def _hostile_module():
    spec = importlib.util.spec_from_file_location("hostile", ROOT / "benchmarks" / "hostile.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("hostile", module)
    spec.loader.exec_module(module)
    return module


hostile = _hostile_module()


def run(*args: str | Path) -> object:
    return runner.invoke(app, [*map(str, args), "--lang", "en"])


def lines(result: object) -> str:
    return result.stdout + result.stderr  # type: ignore[attr-defined]


# --- the corpus, one file per trap, in-process ---------------------------------------------------


@pytest.mark.parametrize(
    ("name", "place", "code", "words"),
    [
        ("empty-key.toml", "1:1", "SPBE105", "unknown key '' here"),
        ("surrogate-name.json", "3:20", "SPBE012", "U+D800"),
        ("surrogate-id.json", "53:4", "SPBE012", "U+DC00"),
        ("stripped-duplicate.json", "7:3", "SPBE006", "key '1' appears twice"),
        ("stripped-duplicate.toml", "53:1", "SPBE006", "(the first is on line 6)"),
        ("duplicate-twice.json", "3:2", "SPBE006", "(the first is on line 2)"),
        ("duplicate-twice.json", "5:2", "SPBE006", "(the first is on line 4)"),
        ("decimal-key.yaml", "1:1", "SPBE105", "unknown key '3.5' here"),
        ("year-negative.yaml", "3:8", "SPBE115", "'tahun' is -5"),
        ("year-long.yaml", "3:8", "SPBE115", "999…, not a year"),
        ("control-name.json", "3:14", "SPBE112", "'instansi' holds the character U+001B"),
        ("bidi-name.json", "3:14", "SPBE112", "U+202E"),
        ("c1-name.yaml", "2:11", "SPBE112", "U+0085"),
        ("newline-name.yaml", "2:11", "SPBE112", "U+000A"),
        ("control-chars.yaml", "1:9", "SPBE005", "U+0000"),
    ],
)
def test_each_hostile_file_is_a_located_problem(name: str, place: str, code: str, words: str):
    path = HOSTILE / name
    result = run("validate", path)
    assert result.exit_code == 1, lines(result)
    found = [
        line
        for line in result.stdout.splitlines()
        if line.startswith(f"{path}:{place}: error[{code}]: ") and words in line
    ]
    assert found, result.stdout
    assert "Traceback" not in lines(result) and "internal error" not in lines(result)


def test_a_lone_surrogate_stops_score_at_its_place_not_in_a_renderer() -> None:
    for fmt in ("table", "json", "csv", "yaml", "toml", "markdown"):
        result = run("score", HOSTILE / "surrogate-name.json", "-f", fmt)
        assert result.exit_code == 2, (fmt, lines(result))
        assert "error[SPBE012]" in result.stderr and result.stdout == ""


def test_long_text_with_brackets_and_dashes_is_no_nesting() -> None:
    for name in ("dashes-explanation.yaml", "brackets-explanation.yaml"):
        result = run("score", HOSTILE / name, "-f", "json")
        assert result.exit_code == 0, lines(result)


@pytest.mark.parametrize(
    ("name", "code", "words"),
    [
        ("rubric-levels-1e30.yaml", "SPBE221", "at most 100 levels"),
        ("rubric-weight-exponent.yaml", "SPBE207", "not '1e10000000'"),
        ("rubric-superscript-id.yaml", "SPBE222", "'²' uses digits other than 0-9"),
        ("rubric-arabic-digits-id.yaml", "SPBE222", "'١٢' uses digits other than 0-9"),
    ],
)
def test_hostile_rubrics(name: str, code: str, words: str) -> None:
    result = run("rubric", "check", HOSTILE / name)
    assert result.exit_code == 2
    (line,) = [x for x in result.stderr.splitlines() if "error[" in x]
    assert f"error[{code}]" in line and words in line, line


@pytest.mark.parametrize("name", ["costs-default-exponent.yaml", "costs-exponent.yaml"])
def test_hostile_costs(name: str) -> None:
    good = EXAMPLES / "kota-contoh-2022.yaml"
    result = run("plan", good, "--target", "4", "--costs", HOSTILE / name)
    assert result.exit_code == 2, lines(result)
    found = re.findall(r"error\[(SPBE\d+)\]: .*not (\S+)$", result.stderr, re.M)
    assert found and {code for code, _ in found} == {"SPBE602"}
    assert {value for _, value in found} <= {"1e10000000", "9e999999999"}


# --- rubrik: paths -------------------------------------------------------------------------------


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A repository with a rubric inside it, and a folder outside it; spbe runs elsewhere."""
    root = tmp_path / "repo"
    (root / ".git").mkdir(parents=True)
    (root / "rubrik").mkdir()
    shutil.copy(TINY, root / "rubrik" / "tiny.yaml")
    (tmp_path / "outside").mkdir()
    shutil.copy(TINY, tmp_path / "outside" / "tiny.yaml")
    (tmp_path / "outside" / "secret.yaml").write_text("status: SECRET_4\nkunci: SECRET_5\n")
    work = tmp_path / "elsewhere"
    work.mkdir()
    monkeypatch.chdir(work)
    return root


def _names(repo: Path, ref: str, where: str = "opd") -> Path:
    path = repo / where / "a.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(hostile.tiny_assessment(ref))
    return path


def test_a_rubric_anywhere_in_the_repository_is_read(repo: Path) -> None:
    result = run("score", _names(repo, "../rubrik/tiny.yaml"), "-f", "json")
    assert result.exit_code == 0, lines(result)


@pytest.mark.parametrize("ref", ["../../outside/tiny.yaml", "{outside}/tiny.yaml"])
def test_a_rubric_outside_the_repository_is_refused_unless_allowed(repo: Path, ref: str) -> None:
    path = _names(repo, ref.format(outside=repo.parent / "outside"))
    refused = run("validate", path)
    assert refused.exit_code == 1
    assert f"{path}:1:9: error[SPBE113]: rubric path" in refused.stdout
    assert "--allow-rubric-outside" in refused.stdout
    allowed = run("score", path, "-f", "json", "--allow-rubric-outside")
    assert allowed.exit_code == 0, lines(allowed)


def test_the_folder_spbe_runs_in_counts_as_inside(repo: Path, monkeypatch) -> None:
    path = _names(repo, "../../outside/tiny.yaml")
    monkeypatch.chdir(repo.parent)  # both the repository and `outside` are below it
    assert run("score", path, "-f", "json").exit_code == 0


def test_without_a_repository_the_files_own_folder_is_the_limit(tmp_path: Path, monkeypatch):
    (tmp_path / "loose").mkdir()
    (tmp_path / "work").mkdir()
    monkeypatch.chdir(tmp_path / "work")
    shutil.copy(TINY, tmp_path / "loose" / "tiny.yaml")
    shutil.copy(TINY, tmp_path / "tiny.yaml")
    beside = tmp_path / "loose" / "a.yaml"
    beside.write_text(hostile.tiny_assessment("./tiny.yaml"))
    assert run("score", beside, "-f", "json").exit_code == 0
    above = tmp_path / "loose" / "b.yaml"
    above.write_text(hostile.tiny_assessment("../tiny.yaml"))
    assert "error[SPBE113]" in run("validate", above).stdout


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symlinks here")
def test_a_committed_symlink_is_judged_by_where_it_leads(repo: Path) -> None:
    os.symlink(repo.parent / "outside" / "tiny.yaml", repo / "rubrik" / "link.yaml")
    os.symlink("tiny.yaml", repo / "rubrik" / "inside-link.yaml")
    assert "error[SPBE113]" in run("validate", _names(repo, "../rubrik/link.yaml")).stdout
    inside = _names(repo, "../rubrik/inside-link.yaml", "opd2")
    assert run("score", inside, "-f", "json").exit_code == 0


def test_a_file_of_another_suffix_is_refused_before_it_is_read(repo: Path) -> None:
    """`../notes.txt` is no path at all (only rubric suffixes are), so no file is read; a
    `.yaml` name that leads to one is refused by the suffix it leads to."""
    (repo / "notes.txt").write_text("status: SECRET_6\n")
    os.symlink(repo / "notes.txt", repo / "rubrik" / "notes.yaml")
    for ref, code in (("../notes.txt", "SPBE108"), ("../rubrik/notes.yaml", "SPBE010")):
        result = run("validate", _names(repo, ref, ref.replace("/", "-")))
        assert f"error[{code}]" in result.stdout, (ref, result.stdout)
        assert "SECRET" not in lines(result)


def test_a_file_that_fails_as_a_rubric_is_reported_without_its_content(repo: Path) -> None:
    (repo / "rubrik" / "secret.yaml").write_text("status: SECRET_4\nkunci: SECRET_5\n")
    path = _names(repo, "../rubrik/secret.yaml")
    result = run("validate", path)
    assert result.exit_code == 1
    assert "SECRET" not in lines(result) and "'status'" not in lines(result)
    assert f"{path}:1:9: error[SPBE111]" in result.stdout
    withheld = re.findall(
        r"secret\.yaml:(\d+):\d+: error\[SPBE116\]: .*\((SPBE\d+)\)", lines(result)
    )
    assert ("1", "SPBE107") in withheld and ("2", "SPBE105") in withheld
    assert len(withheld) == len(set(withheld))  # one line per place and code
    named = run("rubric", "check", repo / "rubrik" / "secret.yaml")  # the user's own request
    assert "SECRET_4" in named.stderr


def test_a_rubric_given_with_rubric_is_the_users_choice(repo: Path) -> None:
    path = _names(repo, "permenpanrb-59-2020")
    outside = repo.parent / "outside" / "tiny.yaml"
    assert run("score", path, "--rubric", outside, "-f", "json").exit_code == 0


# --- files that are not regular files, and batches that go on ----------------------------------


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_fifos_devices_and_loops_in_one_batch(tmp_path: Path) -> None:
    """Every file is reported and counted; a hang would be caught by the timeout."""
    shutil.copy(EXAMPLES / "kota-contoh-2022.yaml", tmp_path / "a-good.yaml")
    os.mkfifo(tmp_path / "b-pipe.yaml")
    os.symlink("/dev/zero", tmp_path / "c-zero.yaml")
    os.symlink("d-loop.yaml", tmp_path / "d-loop.yaml")
    (tmp_path / "e-empty-key.toml").write_text('"" = 1\n')
    shutil.copy(HOSTILE / "surrogate-id.json", tmp_path / "f-surrogate.json")
    command = [sys.executable, "-m", "spbe_cli", "validate", str(tmp_path), "--lang", "en"]
    result = subprocess.run(
        command, capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL
    )
    assert result.returncode == 1, result.stderr
    found = set(re.findall(r"/(\w-[\w-]+\.\w+):\d+:\d+: error\[(SPBE\d+)\]", result.stdout))
    assert found == {
        ("b-pipe.yaml", "SPBE013"),
        ("c-zero.yaml", "SPBE013"),
        ("d-loop.yaml", "SPBE001"),
        ("e-empty-key.toml", "SPBE105"),
        ("e-empty-key.toml", "SPBE107"),
        ("f-surrogate.json", "SPBE012"),
    }
    assert "6 files, 1 valid, 5 with errors" in result.stdout
    for command in ("score", "rank"):  # in-process: the read that could hang just passed
        other = run(command, tmp_path, "-f", "json")
        assert other.exit_code in (1, 2), lines(other)
        assert "Traceback" not in other.stderr and "internal error" not in other.stderr
        assert sorted(set(re.findall(r"/(\w-[\w-]+\.\w+):\d+:\d+: error", other.stderr))) == [
            "b-pipe.yaml",
            "c-zero.yaml",
            "d-loop.yaml",
            "e-empty-key.toml",
            "f-surrogate.json",
        ]
        assert '"Pemerintah Kota Contoh"' in other.stdout  # the good file still scored
    assert run("score", tmp_path).stderr.endswith("6 files, 1 scored, 5 with errors\n")


def test_output_to_a_folder_says_why(tmp_path: Path) -> None:
    result = run(
        "score", EXAMPLES / "kota-contoh-2022.yaml", "-f", "json", "-o", tmp_path, "--force"
    )
    assert result.exit_code == 2
    assert result.stderr.strip().endswith(f"cannot write {tmp_path}: Is a directory")


# --- spbe init never writes what spbe refuses --------------------------------------------------


@pytest.mark.parametrize("name", ["Kota\x85Contoh", "Kota\u2028Contoh", "Kota\x1b[2J", "Kota\n"])
def test_init_refuses_a_name_it_could_not_write(name: str) -> None:
    result = runner.invoke(app, ["init", "--instansi", name, "--lang", "en"])
    assert result.exit_code == 2 and result.stdout == ""
    assert "--instansi holds the character U+" in result.stderr


def test_init_carries_over_text_yaml_can_only_hold_escaped(tmp_path: Path) -> None:
    """An explanation with U+2028, DEL-free but full of quotes and colons, from last year's
    file: the new file holds it escaped and reads back as the same text."""
    text = (EXAMPLES / "kota-contoh-2022.yaml").read_text(encoding="utf-8")
    odd = 'Baris satu\u2028baris dua: "kutip" \\ # bukan komentar \ufeff akhir'
    last = tmp_path / "2022.json"
    import json

    import yaml

    data = yaml.safe_load(text)
    data["indikator"][1]["penjelasan"] = odd
    last.write_text(json.dumps(data, ensure_ascii=True))
    assert run("validate", last).exit_code == 0
    new = tmp_path / "2023.yaml"
    result = runner.invoke(app, ["init", "--from", str(last), "-o", str(new)])
    assert result.exit_code == 0, result.stderr
    assert "\u2028" not in new.read_text(encoding="utf-8")
    checked = run("validate", new)
    assert "error[" not in checked.stdout, checked.stdout
    assert yaml.safe_load(new.read_text(encoding="utf-8"))["indikator"][1]["penjelasan"] == odd


# --- the whole list, each case in its own process under a memory limit -------------------------


def _limit() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))


@pytest.mark.slow
def test_every_hostile_case(tmp_path: Path) -> None:
    failures = []
    for case in hostile.build(tmp_path):
        env = {**os.environ, "SPBE_LANG": "en", **case.env}
        env.pop("SPBE_MAX_BYTES", None)
        try:
            result = subprocess.run(
                [sys.executable, "-m", "spbe_cli", *case.args],
                capture_output=True,
                text=True,
                timeout=60,
                env=env,
                stdin=subprocess.DEVNULL,
                preexec_fn=_limit,
            )
        except subprocess.TimeoutExpired:
            failures.append(f"{case.label}: no answer within 60 s")
            continue
        out = result.stdout + result.stderr
        if result.returncode != case.exit:
            failures.append(
                f"{case.label}: exit {result.returncode}, not {case.exit}: {out[-300:]}"
            )
        failures += [f"{case.label}: {text!r} not shown" for text in case.shows if text not in out]
        failures += [f"{case.label}: {text!r} shown" for text in case.absent if text in out]
        if "Traceback" in out or "internal error" in out or "MemoryError" in out:
            failures.append(f"{case.label}: {out[-300:]}")
    assert not failures, "\n".join(failures)
