"""Benchmark of spbe against its floors, measured in one run on the same generated files.

Run from a checkout with the project installed: `python benchmarks/run.py` (`--quick` for a smoke
run). It generates deterministic synthetic self-assessments (1, 1,000 and 10,000 files) in a
temporary folder, times cold processes of the venv's interpreter (never a shell shim), reports
medians, ratios to each figure's floor and peak memory, writes benchmarks/results.md and copies
that table into the README between the bench markers.

Every figure is a ratio measured in the same interleaved run as its floor (the machines are noisy,
±25 % between runs, but ratios inside one run hold to about ±0.05): time against a floor command,
memory against `spbe score` of one file. A figure with a target says in the last column whether it
met it. Other areas add their own rows without editing this file: a module `benchmarks/<name>.py`
listed in PLUGINS with a `figures(context)` function (see Context and PLUGINS below).
"""

from __future__ import annotations

import argparse
import importlib
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "results.md"
README = ROOT / "README.md"
START, END = "<!-- bench:start -->", "<!-- bench:end -->"
PY = sys.executable
KINDS = ["kementerian", "lembaga", "provinsi", "kabupaten", "kota"]
PROVINCES = ["Aceh", "Bali", "Jambi", "Papua", "Riau", "Gorontalo", "Maluku", "Banten"]


def assessment_text(n: int, rng: random.Random) -> str:
    lines = [
        "rubrik: permenpanrb-59-2020",
        "instansi:",
        f"  nama: Instansi Sintetis {n:05d}",
        f"  jenis: {rng.choice(KINDS)}",
        f"  provinsi: {rng.choice(PROVINCES)}",
        "tahun: 2024",
        "tahap: mandiri",
        "indikator:",
    ]
    for ind in range(1, 48):
        level = rng.randint(1, 5)
        if ind % 3:
            lines.append(f"  {ind}: {level}")
        else:
            lines += [
                f"  {ind}:",
                f"    level: {level}",
                f"    penjelasan: Dokumen indikator {ind} telah ditetapkan dan diterapkan.",
                f"    bukti_dukung: [bukti-{n}-{ind}.pdf]",
            ]
    return "\n".join(lines) + "\n"


def make_tree(base: Path, count: int) -> Path:
    folder = base / f"n{count}"
    folder.mkdir()
    rng = random.Random(20241124)
    for n in range(count):
        (folder / f"a{n:05d}.yaml").write_text(assessment_text(n, rng), encoding="utf-8")
    return folder


@dataclass
class Figure:
    name: str
    argv: list[str]
    floor: str | None = None
    target: float | None = None
    """Largest acceptable wall time as a multiple of the floor's."""
    ok_codes: tuple[int, ...] = (0,)
    memory_target: float | None = None
    """Largest acceptable peak memory as a multiple of `spbe score` of one file."""
    memory_floor: str | None = None
    """The one-file figure of the same output, when it is not the JSON one (a workbook loads
    a library the JSON never does, in one file as in 10,000)."""
    max_ms: float | None = None
    """An absolute limit of wall time (a hostile file: under 1 s)."""
    max_mb: float | None = None
    """An absolute limit of peak memory (a hostile file: under 100 MB)."""
    large: bool = False
    """A long figure (10,000 files): measured in its own interleaved group, with fewer runs."""


@dataclass(frozen=True)
class Context:
    """What a plug-in's figures may use: the generated trees and the commands to run."""

    base: Path
    """The temporary folder: a plug-in may make its own files here."""
    one: Path
    """One assessment file."""
    k1: Path
    """A folder of 1,000 assessments."""
    k10: Path | None
    """A folder of 10,000 assessments (None with --quick)."""
    python: str
    spbe: list[str]
    """The argv prefix that runs spbe in a cold process."""
    make_tree: Callable[[Path, int], Path]
    """make_tree(base, count): a folder of `count` generated assessments."""


PLUGINS = [
    # Rows owned by other areas plug in here, each from its own module with a
    # `figures(context: Context) -> list[Figure]` function (or, as hostile.py has it, `pairs`);
    # a module that does not exist is skipped. A figure's `floor` names another figure, so it
    # is measured as a ratio in the same interleaved run. (The batch workbook's rows are in
    # figures_for, beside the JSON they are measured against.)
    "hostile",  # "inputs": each hostile file of the untrusted-files issue (benchmarks/hostile.py)
]


def plugin_figures(context: Context) -> list[Figure]:
    figures: list[Figure] = []
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    for name in PLUGINS:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise
            continue
        if hasattr(module, "figures"):
            figures += module.figures(context)
        elif hasattr(module, "pairs"):  # benchmarks/hostile.py as "inputs" wrote it: (name, argv)
            figures += [
                Figure(f"hostile: {n}", argv, ok_codes=(0, 1, 2), max_ms=1000, max_mb=100)
                for n, argv in module.pairs(context.base / "h")
            ]
    return figures


class Sample(NamedTuple):
    ms: float
    """Wall time."""
    kib: int
    """Peak RSS: the largest of the process and the children it waited for (workers)."""
    cpu_ms: float
    """User and system time of the process and the children it waited for."""


def run_once(argv: list[str], ok_codes: tuple[int, ...]) -> Sample:
    """Wall time, peak memory and CPU time of one cold child process."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = (time.perf_counter() - start) * 1000
    proc.returncode = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
    if proc.returncode not in ok_codes:
        raise SystemExit(f"{' '.join(argv)} exited {proc.returncode}:\n{err[-2000:]}")
    return Sample(elapsed, usage.ru_maxrss, (usage.ru_utime + usage.ru_stime) * 1000)


def measure(figures: list[Figure], repeat: int) -> dict[str, Sample]:
    """Interleave the figures run by run, so drift of a noisy machine hits all of them alike."""
    samples: dict[str, list[Sample]] = {f.name: [] for f in figures}
    for _ in range(repeat):
        for fig in figures:
            samples[fig.name].append(run_once(fig.argv, fig.ok_codes))
    return {
        name: Sample(
            statistics.median(r.ms for r in runs),
            max(r.kib for r in runs),
            statistics.median(r.cpu_ms for r in runs),
        )
        for name, runs in samples.items()
    }


def parse_floor(folder: Path) -> list[str]:
    code = (
        "import sys, yaml, pathlib\n"
        "L = yaml.CSafeLoader\n"
        "for p in sorted(pathlib.Path(sys.argv[1]).glob('*.yaml')):\n"
        "    yaml.load(p.read_bytes(), Loader=L)\n"
    )
    return [PY, "-c", code, str(folder)]


DEPS = "import typer, pydantic, rich.table, yaml"
SCORE_FORMATS = ("json", "csv", "table", "markdown", "yaml", "toml")
"""Every text format of `spbe score` over a folder (the workbook has its own rows)."""


def figures_for(context: Context) -> list[Figure]:
    spbe, one, k1, k10 = context.spbe, context.one, context.k1, context.k10
    base = context.base
    k600 = context.make_tree(base, 600)
    figs = [
        Figure("python -c pass", [PY, "-c", "pass"]),
        Figure("import yaml", [PY, "-c", "import yaml"], "python -c pass"),
        Figure(DEPS, [PY, "-c", DEPS], "python -c pass"),
        Figure("spbe --version", [*spbe, "--version"], "python -c pass", 2.0),
        Figure("spbe score one (table)", [*spbe, "score", str(one)], DEPS, 1.25),
        Figure("spbe score one (json)", [*spbe, "score", str(one), "-f", "json"], DEPS, 1.1),
        Figure(
            "spbe score one (xlsx -o file)",
            [*spbe, "score", str(one), "-f", "xlsx", "-o", str(base / "one.xlsx"), "--force"],
        ),
        Figure("C parse 1,000", parse_floor(k1)),
        Figure("spbe validate 1,000", [*spbe, "validate", str(k1)], "C parse 1,000", None, (0, 1)),
        Figure(
            "spbe rank 1,000", [*spbe, "rank", str(k1), "-f", "json"], "C parse 1,000", None, (0, 1)
        ),
        # The batch workbook of a national round (600 files) against the same files as JSON
        # (issue 17: <= 3x, < 150 MB; the sheet count is held by tests/acceptance/test_workbook_cli)
        Figure(
            "spbe score 600 (json -o file)",
            [*spbe, "score", str(k600), "-f", "json", "-o", str(base / "k600.json"), "--force"],
        ),
        Figure(
            "spbe score 600 (xlsx -o file)",
            [*spbe, "score", str(k600), "-f", "xlsx", "-o", str(base / "k600.xlsx"), "--force"],
            "spbe score 600 (json -o file)",
            3.0,
            max_mb=150,
            memory_floor="spbe score one (xlsx -o file)",
        ),
    ]
    # A folder scored in each format: memory must stay flat (issue 17), whatever the count.
    figs += [
        Figure(
            f"spbe score 1,000 ({fmt})",
            [*spbe, "score", str(k1), "-f", fmt],
            "C parse 1,000",
            memory_target=1.5,
        )
        for fmt in SCORE_FORMATS
    ]
    if k10 is not None:
        figs += [
            Figure("C parse 10,000", parse_floor(k10), large=True),
            Figure(
                "spbe validate 10,000",
                [*spbe, "validate", str(k10)],
                "C parse 10,000",
                0.6,
                (0, 1),
                memory_target=1.5,
                large=True,
            ),
            Figure(
                "spbe rank 10,000",
                [*spbe, "rank", str(k10), "-f", "json"],
                "C parse 10,000",
                0.6,
                (0, 1),
                memory_target=1.5,
                large=True,
            ),
        ]
        figs += [
            Figure(
                f"spbe score 10,000 ({fmt})",
                [*spbe, "score", str(k10), "-f", fmt],
                "C parse 10,000",
                memory_target=1.5,
                large=True,
            )
            for fmt in SCORE_FORMATS
        ]
        figs.append(
            Figure(
                "spbe score 10,000 (xlsx -o file)",
                [*spbe, "score", str(k10), "-f", "xlsx", "-o", str(base / "k10.xlsx"), "--force"],
                memory_target=1.5,
                memory_floor="spbe score one (xlsx -o file)",
                large=True,
            )
        )
        # `spbe diff` of a trend of the folder, in the default table and in JSON (a trend is of
        # one agency's years; these are 10,000 agencies, its extreme)
        figs += [
            Figure(
                f"spbe diff 10,000 (trend, {fmt})",
                [*spbe, "diff", str(k10), "-f", fmt],
                memory_target=1.5,
                large=True,
            )
            for fmt in ("table", "json")
        ]
        # The same trend named file by file, without a target: the interpreter's own copies of a
        # command line of 10,000 names (`python -c pass` with them: 8.6 to 19.8 MB, measured
        # standalone; a child forked from this benchmark cannot show a peak under its size)
        trend = sorted(str(p) for p in k10.glob("*.yaml"))
        figs.append(
            Figure(
                "spbe diff 10,000 (trend of file arguments, json)",
                [*spbe, "diff", *trend, "-f", "json"],
                large=True,
            )
        )
    return figs + plugin_figures(context)


def table(figs: list[Figure], results: dict[str, Sample], one_kib: int) -> str:
    rows = [
        "| what | median ms | floor | × floor | target | CPU × floor | peak MB "
        "| × one-file memory | memory target | met |",
        "|---|---:|---|---:|---:|---:|---:|---:|---:|---|",
    ]
    for fig in figs:
        got = results[fig.name]
        floor = results[fig.floor] if fig.floor else None
        ratio = got.ms / floor.ms if floor else None
        cpu_ratio = got.cpu_ms / floor.cpu_ms if floor and floor.cpu_ms else None
        mb = got.kib / 1024
        one = results[fig.memory_floor].kib if fig.memory_floor else one_kib
        mem_ratio = got.kib / one if fig.name.startswith("spbe") and one else None
        checks = []
        if fig.target is not None and ratio is not None:
            checks.append(ratio <= fig.target)
        if fig.memory_target is not None and mem_ratio is not None:
            checks.append(mem_ratio <= fig.memory_target)
        if fig.max_ms is not None:
            checks.append(got.ms < fig.max_ms)
        if fig.max_mb is not None:
            checks.append(mb < fig.max_mb)
        time_target = f"≤ {fig.target:g}" if fig.target else ""
        memory_target = f"≤ {fig.memory_target:g}" if fig.memory_target else ""
        if fig.max_ms is not None:
            time_target = f"< {fig.max_ms:g} ms"
        if fig.max_mb is not None:
            memory_target = f"< {fig.max_mb:g} MB"
        cells = [
            fig.name,
            f"{got.ms:.0f}",
            fig.floor or "",
            "" if ratio is None else f"{ratio:.2f}",
            time_target,
            "" if cpu_ratio is None else f"{cpu_ratio:.2f}",
            f"{mb:.1f}",
            "" if mem_ratio is None else f"{mem_ratio:.2f}",
            memory_target,
            ("yes" if all(checks) else "**no**") if checks else "",
        ]
        rows.append("| " + " | ".join(cells) + " |")
    return "\n".join(rows)


def publish(text: str) -> None:
    RESULTS.write_text(text + "\n", encoding="utf-8")
    readme = README.read_text(encoding="utf-8")
    if START in readme and END in readme:
        head, rest = readme.split(START, 1)
        _, tail = rest.split(END, 1)
        README.write_text(f"{head}{START}\n{text}\n{END}{tail}", encoding="utf-8")


def compile_package() -> str:
    """Compile spbe's modules to bytecode before timing, as an installed package has them;
    returns what the header says about it.

    An editable install run with PYTHONDONTWRITEBYTECODE set (some CI images and sandboxes set
    it) compiles every module of spbe on every start: some 80 ms of a one-file `spbe score`
    that no installed copy pays, and that is not what the start-up targets are about.
    """
    import compileall

    import spbe_cli

    package = Path(spbe_cli.__file__).resolve().parent
    compileall.compile_dir(str(package), quiet=1)
    set_here = os.environ.get("PYTHONDONTWRITEBYTECODE")
    return " (PYTHONDONTWRITEBYTECODE is set here, so nothing else would)" if set_here else ""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7, help="runs per figure (median)")
    parser.add_argument(
        "--quick", action="store_true", help="skip 10,000 files, 3 runs, no publishing"
    )
    args = parser.parse_args()
    repeat = 3 if args.quick else args.repeat
    compiled = compile_package()
    large_repeat = max(3, repeat // 2)
    with tempfile.TemporaryDirectory(prefix="spbe-bench-") as tmp:
        base = Path(tmp)
        context = Context(
            base=base,
            one=make_tree(base, 1) / "a00000.yaml",
            k1=make_tree(base, 1000),
            k10=None if args.quick else make_tree(base, 10_000),
            python=PY,
            spbe=[PY, "-m", "spbe_cli"],
            make_tree=make_tree,
        )
        figs = figures_for(context)
        results = measure([f for f in figs if not f.large], repeat)
        large = [f for f in figs if f.large]
        if large:
            results |= measure(large, large_repeat)
    one_kib = results["spbe score one (json)"].kib
    header = (
        f"Measured {time.strftime('%Y-%m-%d')} on {os.cpu_count()} cores, Python "
        f"{sys.version.split()[0]}; medians of {repeat} interleaved cold runs "
        f"(10,000-file figures: {large_repeat}, interleaved among themselves). Peak memory is "
        "the largest max RSS of the command's processes (workers included; below about 16 MB, "
        "the benchmark's own size, which a forked child starts from, it is not resolved); CPU is "
        "the user "
        "and system time of all of them, against the floor's: what the work costs whatever else "
        "the machine runs (a command on both cores needs both free to show its wall-time ratio). "
        f"spbe's modules were compiled to bytecode first, as `pip install` does{compiled}."
    )
    text = header + "\n\n" + table(figs, results, one_kib)
    print(text)
    if not args.quick:
        publish(text)


if __name__ == "__main__":
    main()
