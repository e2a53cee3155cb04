"""The hostile input files of issue 13, built in a folder, for the benchmark and the tests.

Each case is a file (or a few) that once cost spbe without bound, hung it, crashed it or made it
leak another file's content, and the command that reads it. `benchmarks/run.py` times every case
as a cold process (target: under 1 s and 100 MB each); tests/acceptance/test_hostile_inputs.py
runs the same cases and checks each exit code and problem code, so the benchmark measures exactly
the files the tests pin down. Small files are the corpus in tests/fixtures/hostile/ (copied);
large ones, symlinks and FIFOs are made here.

The cases live under `<folder>/repo`, which holds a `.git` folder: it is the assessments'
repository, so a `rubrik:` path may lead anywhere inside it and nowhere outside (`<folder>/outside`
holds the files a hostile assessment tries to reach).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "fixtures" / "hostile"
TINY = ROOT / "tests" / "fixtures" / "rubrics" / "tiny.yaml"
SECRET = "status: SECRET_4\nkunci: SECRET_5\n"


@dataclass(frozen=True)
class Case:
    """One hostile input: the spbe arguments that read it, the exit code the documentation
    promises, and what the output must show (problem codes, a summary)."""

    label: str
    args: list[str]
    exit: int
    shows: tuple[str, ...] = ()
    absent: tuple[str, ...] = ()
    """Text that must never appear in the output (a leaked secret, a raw parser line)."""
    env: dict[str, str] = field(default_factory=dict)


CORPUS_CASES: list[tuple[str, str, int, tuple[str, ...], tuple[str, ...]]] = [
    # (file in tests/fixtures/hostile, command, exit, codes shown, text never shown)
    ("empty-key.toml", "validate", 1, ("SPBE105",), ()),
    ("surrogate-name.json", "validate", 1, ("SPBE012",), ()),
    ("surrogate-name.json", "score", 2, ("SPBE012",), ()),
    ("surrogate-id.json", "validate", 1, ("SPBE012",), ()),
    ("stripped-duplicate.json", "validate", 1, ("SPBE006",), ()),
    ("stripped-duplicate.toml", "validate", 1, ("SPBE006",), ()),
    ("duplicate-twice.json", "validate", 1, ("SPBE006",), ("line ?", "baris ?")),
    ("decimal-key.yaml", "validate", 1, ("SPBE105",), ("Decimal(",)),
    ("year-negative.yaml", "validate", 1, ("SPBE115",), ()),
    ("year-long.yaml", "validate", 1, ("SPBE115",), ("9" * 100,)),
    ("control-name.json", "validate", 1, ("SPBE112",), ("\x1b",)),
    ("bidi-name.json", "validate", 1, ("SPBE112",), ("\u202e",)),
    ("c1-name.yaml", "validate", 1, ("SPBE112",), ()),
    ("newline-name.yaml", "validate", 1, ("SPBE112",), ()),
    ("control-chars.yaml", "validate", 1, ("SPBE005",), ("<unicode string>",)),
    ("dashes-explanation.yaml", "validate", 0, (), ()),
    ("brackets-explanation.yaml", "validate", 0, (), ()),
    ("rubric-levels-1e30.yaml", "rubric check", 2, ("SPBE221",), ()),
    ("rubric-weight-exponent.yaml", "rubric check", 2, ("SPBE207",), ()),
    ("rubric-superscript-id.yaml", "rubric check", 2, ("SPBE222",), ()),
    ("rubric-arabic-digits-id.yaml", "rubric check", 2, ("SPBE222",), ()),
    ("costs-default-exponent.yaml", "plan --costs", 2, ("SPBE602",), ()),
    ("costs-exponent.yaml", "plan --costs", 2, ("SPBE602",), ()),
]


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def assessment(rubrik: str = "permenpanrb-59-2020", **fields: str) -> str:
    """A valid 59/2020 assessment (every indicator at 3) with some top-level values replaced."""
    head = {"rubrik": rubrik, "instansi": "Kota Contoh", "tahun": "2024", **fields}
    lines = "".join(f"{key}: {value}\n" for key, value in head.items())
    return lines + "indikator:\n" + "".join(f"  {n}: 3\n" for n in range(1, 48))


def tiny_assessment(rubrik: str) -> str:
    """A valid assessment for tests/fixtures/rubrics/tiny.yaml naming it as `rubrik`."""
    return (
        f"rubrik: {rubrik}\ninstansi: Kota Contoh\ntahun: 2031\n"
        "indikator: {'1-1': 4, '1-2': 3, '1-3': 3, 2: 2}\n"
    )


def _dotted(parts: int) -> str:
    return ".".join(["a"] * parts)


class _Builder:
    def __init__(self, folder: Path) -> None:
        self.repo = folder / "repo"
        (self.repo / ".git").mkdir(parents=True, exist_ok=True)
        self.outside = folder / "outside"
        _write(self.outside / "secret.yaml", SECRET)
        _write(self.outside / "r.yaml", TINY.read_text(encoding="utf-8"))
        self.good = _write(self.repo / "good.yaml", assessment())
        self.cases: list[Case] = []

    def add(self, label: str, args: list[str | Path], exit: int, *shows: str, **more: object):
        case = Case(label, [str(a) for a in args], exit, shows, **more)  # type: ignore[arg-type]
        self.cases.append(case)

    def corpus(self) -> None:
        for name, command, exit, codes, absent in CORPUS_CASES:
            path = self.repo / "corpus" / name
            if not path.exists():
                path.parent.mkdir(exist_ok=True)
                shutil.copy(CORPUS / name, path)
            if command == "plan --costs":
                args = ["plan", self.good, "--target", "4", "--costs", path]
            else:
                args = [*command.split(), path]
            self.add(f"{name} ({command})", args, exit, *codes, absent=absent)

    def large(self) -> None:
        repo = self.repo
        levels = repo / "levels-1e30"
        shutil.copy(CORPUS / "rubric-levels-1e30.yaml", _write(levels / "r.yaml", ""))
        a = _write(levels / "a.yaml", tiny_assessment("./r.yaml"))
        self.add("rubric max level 10^30, named by an assessment", ["validate", a], 1, "SPBE111")
        for parts in (20_000, 100_000):
            t = _write(repo / f"dotted-{parts}.toml", f"{_dotted(parts)} = 1\n")
            self.add(f"TOML dotted key of {parts:,} parts", ["validate", t], 1, "SPBE009")
        t = _write(repo / "header-deep.toml", f"[{_dotted(20_000)}]\nx = 1\n")
        self.add("TOML table header of 20,000 parts", ["validate", t], 1, "SPBE009")
        keys = "".join(f"k{n}.{_dotted(60)} = 1\n" for n in range(4_000))
        t = _write(repo / "many-dotted.toml", keys)
        self.add("TOML 4,000 dotted keys of 61 parts", ["validate", t], 1, "SPBE009")
        head = assessment().split("indikator:")[0]
        ids = "".join(f"  x{n}: 1\n" for n in range(190_000))
        y = _write(repo / "unknown-ids.yaml", head + "indikator:\n" + ids)
        self.add("190,000 unknown indicator ids (4 MB)", ["validate", y], 1, "SPBE009")
        ids = "".join(f"  x{n}: 1\n" for n in range(1_500))
        y = _write(repo / "unknown-ids-1500.yaml", head + "indikator:\n" + ids)
        self.add("1,500 unknown indicator ids", ["validate", y], 1, "SPBE114")
        items = "[" + ",".join(["b.pdf"] * 400_000) + "]"
        entry = f"  1:\n    level: 3\n    bukti_dukung: {items}\n"
        y = _write(repo / "evidence.yaml", assessment().replace("  1: 3\n", entry))
        self.add("a 400,000-item evidence list", ["validate", y], 1, "SPBE009")
        claim = {"level": 3, "bukti_dukung": ["b.pdf"] * 400_000}
        data = {"rubrik": "permenpanrb-59-2020", "instansi": "K", "tahun": 2024}
        j = _write(repo / "evidence.json", json.dumps({**data, "indikator": {"1": claim}}))
        self.add("a 400,000-item evidence list (JSON)", ["validate", j], 1, "SPBE009")
        items = "[" + ",".join(["c.pdf"] * 1_500) + "]"
        entry = f"  1:\n    level: 3\n    bukti_dukung: {items}\n"
        y = _write(repo / "evidence-1500.yaml", assessment().replace("  1: 3\n", entry))
        self.add("a 1,500-item evidence list", ["validate", y], 1, "SPBE114")

    def rubrik_paths(self) -> None:
        repo, outside = self.repo, self.outside
        _write(repo / "notes.txt", "status: SECRET_6\n")
        if hasattr(os, "symlink"):
            os.symlink("notes.txt", repo / "notes.yaml")
        refs = [
            ("an absolute path outside", str(outside / "r.yaml"), "SPBE113"),
            ("../ outside the repository", "../../outside/r.yaml", "SPBE113"),
            ("a file of another suffix behind a .yaml name", "../notes.yaml", "SPBE010"),
            ("a secret outside", "../../outside/secret.yaml", "SPBE113"),
        ]
        for n, (label, ref, code) in enumerate(refs):
            a = _write(repo / "rubrik" / f"case-{n}.yaml", tiny_assessment(ref))
            self.add(f"rubrik: {label}", ["validate", a], 1, code, absent=("SECRET",))
        _write(repo / "rubrik" / "in-tree-secret.yaml", SECRET)
        a = _write(repo / "rubrik" / "names-secret.yaml", tiny_assessment("./in-tree-secret.yaml"))
        self.add(
            "rubrik: a non-rubric file, reported without its content",
            ["validate", a],
            1,
            "SPBE111",
            "SPBE116",
            absent=("SECRET", "'status'"),
        )

    def special_files(self) -> None:
        repo = self.repo
        if hasattr(os, "symlink"):
            os.symlink(self.outside / "r.yaml", repo / "rubrik" / "link.yaml")
            a = _write(repo / "rubrik" / "via-link.yaml", tiny_assessment("./link.yaml"))
            self.add("rubrik: a committed symlink leading outside", ["validate", a], 1, "SPBE113")
            loops = repo / "loops"
            loops.mkdir()
            os.symlink("loop.yaml", loops / "loop.yaml")
            shutil.copy(self.good, loops / "a-good.yaml")
            _write(loops / "z-names-loop.yaml", tiny_assessment("./loop.yaml"))
            self.add(
                "a symlink loop in a folder (the batch goes on)",
                ["validate", loops],
                1,
                "SPBE001",
                "SPBE111",
                "3 files, 1 valid, 2 with errors",
                env={"SPBE_LANG": "en"},
            )
            for name, target in (("zero.yaml", "/dev/zero"), ("stdin.yaml", "/dev/stdin")):
                os.symlink(target, repo / name)
                self.add(f"{target} behind a .yaml name", ["validate", repo / name], 1, "SPBE013")
        if hasattr(os, "mkfifo"):
            fifo = repo / "fifo" / "pipe.yaml"
            fifo.parent.mkdir()
            os.mkfifo(fifo)
            self.add("a FIFO given as a file", ["validate", fifo], 1, "SPBE013")
            a = _write(repo / "fifo" / "a.yaml", tiny_assessment("./pipe.yaml"))
            self.add("a FIFO named as a rubric", ["validate", a], 1, "SPBE111", "SPBE013")
        out_dir = repo / "out-dir"
        out_dir.mkdir()
        args = ["score", self.good, "-f", "json", "-o", out_dir, "--force"]
        self.add("-o a folder --force", args, 2, "Is a directory", env={"LC_ALL": "C"})


def build(folder: Path) -> list[Case]:
    """Write every hostile file under `folder` (which must be empty or absent); return the cases."""
    builder = _Builder(folder)
    builder.corpus()
    builder.large()
    builder.rubrik_paths()
    builder.special_files()
    return builder.cases


def pairs(folder: Path) -> list[tuple[str, list[str]]]:
    """(label, argv) for each hostile file built in `folder`: what benchmarks/run.py times.

    The files are built by a child process: a child's peak memory counts its parent's from
    before `exec` (Linux keeps the high-water mark), so the benchmark must stay small itself.
    """
    built = subprocess.run(
        [sys.executable, __file__, str(folder)], capture_output=True, text=True, check=True
    )
    spbe = [sys.executable, "-m", "spbe_cli"]
    return [(label, [*spbe, *args]) for label, args in json.loads(built.stdout)]


if __name__ == "__main__":
    print(json.dumps([(case.label, case.args) for case in build(Path(sys.argv[1]))]))
