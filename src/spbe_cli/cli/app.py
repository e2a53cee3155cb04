"""The command line: parse options, call the workflow and the core, hand results to a renderer.

No computation happens here. The exit code is decided once, at the end of each command:
0 success, 1 a threshold not met, 2 invalid input or usage.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from fractions import Fraction
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Literal, NoReturn, TextIO

import typer

from spbe_cli import __version__
from spbe_cli.messages import Lang, text
from spbe_cli.render.choices import Detail, Format
from spbe_cli.render.problems_out import problem_lines

if TYPE_CHECKING:
    from spbe_cli.model.rubric import Rubric

EXIT_OK, EXIT_THRESHOLD, EXIT_INVALID = 0, 1, 2

_APP_SETTINGS: dict = {
    "help": "Kalkulator Indeks SPBE yang pasti / the exact SPBE index calculator.",
    "no_args_is_help": True,
    "pretty_exceptions_enable": False,
    "add_completion": False,
}
app = typer.Typer(**_APP_SETTINGS)
rubric_app = typer.Typer(help="Rubrik bawaan / bundled rubrics.", no_args_is_help=True)
app.add_typer(rubric_app, name="rubric")

LangOpt = Annotated[Lang, typer.Option("--lang", envvar="SPBE_LANG", help="id (Indonesia) or en.")]
FormatOpt = Annotated[Format, typer.Option("--format", "-f", help="Output format.")]
OutputOpt = Annotated[
    Path | None, typer.Option("--output", "-o", help="Write to this file (needed for xlsx).")
]
ForceOpt = Annotated[bool, typer.Option(help="Replace an existing --output file.")]


def _version(value: bool) -> None:
    if value:
        typer.echo(f"spbe-cli {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")
    ] = False,
) -> None:
    """spbe: score, compare and check SPBE self-assessments exactly as the ministry does."""


def _usage_error(message: str) -> NoReturn:
    typer.echo(f"Error: {message}", err=True)
    raise typer.Exit(EXIT_INVALID)


def _fraction_option(raw: str | None, name: str, lang: Lang) -> Fraction | None:
    """A threshold read exactly; Indonesian writes decimals with a comma, so 2,6 is 2.6 too."""
    if raw is None:
        return None
    try:
        return Fraction(raw.replace(",", "."))
    except (ValueError, ZeroDivisionError):
        _usage_error(text("usage.number", lang, option=name, value=raw))


@app.command()
def score(
    files: Annotated[
        list[Path], typer.Argument(help="Assessment files or folders.", metavar="PATH...")
    ],
    fmt: FormatOpt = "table",
    lang: LangOpt = "id",
    detail: Annotated[Detail, typer.Option(help="How deep the tables go.")] = "indicators",
    partial: Annotated[
        bool, typer.Option(help="Score a draft with missing indicators as a range.")
    ] = False,
    fail_under: Annotated[
        str | None, typer.Option(help="Exit 1 when an exact index is below this.")
    ] = None,
    min_predicate: Annotated[
        str | None, typer.Option(help="Exit 1 below this predicate, e.g. baik.")
    ] = None,
    rubric: Annotated[
        Path | None, typer.Option(help="Score with this rubric file instead.")
    ] = None,
    output: OutputOpt = None,
    force: ForceOpt = False,
) -> None:
    """Hitung indeks SPBE / compute the SPBE index of self-assessment files."""
    from spbe_cli.app.assess import assess_all
    from spbe_cli.core.thresholds import Gate, UnknownPredicate, check
    from spbe_cli.render.scores import write_scores

    gate = Gate(_fraction_option(fail_under, "--fail-under", lang), min_predicate)
    outcomes = list(assess_all(files, partial=partial, rubric_path=rubric))
    if not outcomes:
        _usage_error(text("usage.no_files", lang, path=", ".join(map(str, files))))
    problems = [p for o in outcomes for p in o.problems]
    cards = [(o.path, o.scorecard) for o in outcomes if o.scorecard is not None]
    single = len(files) == 1 and not files[0].is_dir()
    if fmt == "xlsx":
        target = _needs_output(output, lang)
        _xlsx(lambda xlsx: xlsx.scores_workbook(cards, lang), target, force, lang, bool(cards))
    elif cards:
        with _out(output, force, lang) as out:
            write_scores(cards, fmt, out, single=single and not problems, lang=lang, detail=detail)
    sys.stdout.flush()
    if problems:
        sys.stderr.write(problem_lines(problems, lang))
        raise typer.Exit(EXIT_INVALID)
    try:
        failures = [(path, f) for path, card in cards for f in check(card, gate)]
    except UnknownPredicate:
        allowed = ", ".join(b.name for b in cards[0][1].rubric.bands) if cards else ""
        _usage_error(text("usage.unknown_predicate", lang, value=min_predicate, allowed=allowed))
    for path, failure in failures:
        message = f"threshold.{failure.kind}"  # threshold.fail_under, threshold.min_predicate
        sys.stderr.write(text(message, lang, **failure.params, file=path) + "\n")
    raise typer.Exit(EXIT_THRESHOLD if failures else EXIT_OK)


def _bundled_rubrics() -> list[Rubric]:
    from spbe_cli.app.assess import RubricStore

    return list(RubricStore().bundled().values())


ListFormat = Annotated[
    Literal["table", "json", "markdown"], typer.Option("--format", "-f", help="Output format.")
]


@rubric_app.command("list")
def rubric_list(fmt: ListFormat = "table", lang: LangOpt = "id") -> None:
    """Rubrik bawaan / the bundled rubrics with their regulation, era and status."""
    from spbe_cli.render.human import write_report
    from spbe_cli.render.records import to_json
    from spbe_cli.render.rubrics import list_records, list_report

    rubrics = _bundled_rubrics()
    if fmt == "json":
        sys.stdout.write(to_json(list_records(rubrics)))
    else:
        write_report(list_report(rubrics, lang), sys.stdout, markdown_out=fmt == "markdown")


@rubric_app.command("show")
def rubric_show(
    indicator: Annotated[str | None, typer.Argument(help="An indicator id, e.g. 12.")] = None,
    rubric: Annotated[
        str, typer.Option(help="A bundled rubric id or a rubric file.")
    ] = "permenpanrb-59-2020",
    fmt: ListFormat = "table",
    lang: LangOpt = "id",
) -> None:
    """Pertanyaan dan kriteria / an indicator's question and level criteria, or the whole rubric."""
    from spbe_cli.render.human import write_report
    from spbe_cli.render.records import to_json
    from spbe_cli.render.rubrics import indicator_record, indicator_report, tree_report

    loaded = _rubric_or_exit(rubric, lang)
    if indicator is None and fmt == "json":
        sys.stdout.write(to_json([indicator_record(loaded, i) for i in loaded.indicators]))
        return
    if indicator is None:
        write_report(tree_report(loaded, lang), sys.stdout, markdown_out=fmt == "markdown")
        return
    ind = loaded.by_key.get(indicator.strip())
    if ind is None:
        _usage_error(text("usage.unknown_indicator", lang, id=indicator, rubric=loaded.id))
    if fmt == "json":
        sys.stdout.write(to_json(indicator_record(loaded, ind)))
    else:
        write_report(
            indicator_report(loaded, ind, lang), sys.stdout, markdown_out=fmt == "markdown"
        )


# ---- spbe diff (issue 3) ----------------------------------------------------------------------

DiffFormat = Literal["table", "json", "csv", "markdown", "xlsx"]


@app.command()
def diff(
    files: Annotated[
        list[Path], typer.Argument(help="OLD NEW, or three or more for a trend.", metavar="FILE...")
    ],
    fmt: Annotated[DiffFormat, typer.Option("--format", "-f", help="Output format.")] = "table",
    lang: LangOpt = "id",
    show_all: Annotated[
        bool, typer.Option("--all", help="Also list unchanged indicators.")
    ] = False,
    fail_on_drop: Annotated[
        bool, typer.Option(help="Exit 1 when the exact overall index fell (the last step).")
    ] = False,
    output: OutputOpt = None,
    force: ForceOpt = False,
) -> None:
    """Bandingkan penilaian / compare two assessments (what moved the index), or several."""
    from spbe_cli.app.assess import RubricStore, assess
    from spbe_cli.core.diff import compare, trend
    from spbe_cli.render.diff_out import write_comparison, write_trend

    if len(files) < 2:
        _usage_error(text("usage.diff_files", lang, count=len(files)))
    store = RubricStore()
    outcomes = [assess(path, store) for path in files]
    problems = [p for o in outcomes for p in o.problems]
    if problems:
        sys.stderr.write(problem_lines(problems, lang))
        raise typer.Exit(EXIT_INVALID)
    cards = [o.scorecard for o in outcomes if o.scorecard is not None]
    paths = [o.path for o in outcomes]
    target = _needs_output(output, lang) if fmt == "xlsx" else None
    if len(cards) == 2:
        result = compare(cards[0], cards[1])
        pair = (paths[0], paths[1])
        if target is not None:
            _xlsx(lambda xlsx: xlsx.comparison_workbook(result, lang), target, force, lang)
        else:
            with _out(output, force, lang) as out:
                write_comparison(result, pair, fmt, out, lang=lang, show_all=show_all)
        old, new = result.index.old, result.index.new
        fell = result.index.direction == "down"
    else:
        series = trend(cards)
        if target is not None:
            _xlsx(lambda xlsx: xlsx.trend_workbook(series, paths, lang), target, force, lang)
        else:
            with _out(output, force, lang) as out:
                write_trend(series, paths, fmt, out, lang=lang)
        old, new = series.index.points[-2], series.index.points[-1]
        fell = series.dropped
    sys.stdout.flush()
    if fail_on_drop and fell:
        sys.stderr.write(_drop_message(old, new, lang) + "\n")
        raise typer.Exit(EXIT_THRESHOLD)
    raise typer.Exit(EXIT_OK)


def _drop_message(old: object, new: object, lang: Lang) -> str:
    from spbe_cli.core.scoring import Index
    from spbe_cli.model.exact import exact_text

    assert isinstance(old, Index) and isinstance(new, Index)
    return text(
        "diff.drop",
        lang,
        old=old.value,
        new=new.value,
        old_exact=exact_text(old.exact),
        new_exact=exact_text(new.exact),
    )


# --- spbe validate and spbe schema (issue 4) ---------------------------------------------------

ValidateFormat = Literal["text", "json", "github", "junit"]
DEFAULT_RUBRIC = "permenpanrb-59-2020"


def _rubric_or_exit(ref: str, lang: Lang) -> Rubric:
    """A bundled rubric id or a rubric file, loaded and checked; exit 2 with its problems if not."""
    from spbe_cli.app.assess import RubricStore, bundled_ids
    from spbe_cli.model.rubric import Rubric

    store = RubricStore()
    path = store.resolve(ref, Path.cwd())
    if path is None:
        _usage_error(text("SPBE108", lang, rubric=ref, known=", ".join(bundled_ids())))
    loaded = store.load(path)
    if not isinstance(loaded, Rubric):
        sys.stderr.write(problem_lines(loaded, lang))
        raise typer.Exit(EXIT_INVALID)
    return loaded


def _write_output(target: Path, data: str, *, force: bool, lang: Lang) -> None:
    """Every -o/--output goes through safe_write: atomic, and never over a file without --force."""
    from spbe_cli.files.safe_write import RefusedOverwrite, write_atomic

    try:
        write_atomic(target, data, force=force)
    except RefusedOverwrite:
        _usage_error(text("output.exists", lang, path=target))
    except OSError as exc:
        _usage_error(text("output.failed", lang, path=target, reason=exc.strerror or exc))


def _known_predicates() -> str:
    names = dict.fromkeys(b.name for r in _bundled_rubrics() for b in r.bands)
    return ", ".join(names)


@app.command()
def validate(
    paths: Annotated[
        list[Path], typer.Argument(help="Assessment files or folders.", metavar="PATH...")
    ],
    fmt: Annotated[ValidateFormat, typer.Option("--format", "-f", help="Output format.")] = "text",
    lang: LangOpt = "id",
    strict: Annotated[bool, typer.Option(help="Treat warnings (SPBE35x) as errors.")] = False,
    fail_under: Annotated[str | None, typer.Option(help="Error: exact index below.")] = None,
    min_predicate: Annotated[str | None, typer.Option(help="Error: below this predicate.")] = None,
    rubric: Annotated[Path | None, typer.Option(help="Check with this rubric file.")] = None,
    max_bytes: Annotated[
        int | None, typer.Option(min=1, help="Size limit per file (5 MB; SPBE_MAX_BYTES).")
    ] = None,
) -> None:
    """Periksa berkas penilaian / check self-assessment files for CI: every problem, every file."""
    from datetime import date

    from spbe_cli.app.validate import Options
    from spbe_cli.app.validate_stream import run_validate
    from spbe_cli.core.thresholds import Gate, UnknownPredicate
    from spbe_cli.files.reader import expand_paths

    gate = Gate(_fraction_option(fail_under, "--fail-under", lang), min_predicate)
    options = Options(date.today(), gate, strict, rubric, max_bytes)
    files = [str(p) for p in expand_paths(paths)]  # strings: 10,000 Paths cost megabytes
    if not files:
        _usage_error(text("usage.no_files", lang, path=", ".join(map(str, paths))))
    on_terminal = fmt == "text" and sys.stdout.isatty()
    try:
        ok = run_validate(
            files, options, fmt, lang, sys.stdout, sys.stderr, with_sources=on_terminal
        )
    except UnknownPredicate:
        allowed = _known_predicates()
        _usage_error(text("usage.unknown_predicate", lang, value=min_predicate, allowed=allowed))
    raise typer.Exit(EXIT_OK if ok else EXIT_THRESHOLD)


@app.command()
def schema(
    rubric: Annotated[str, typer.Argument(help="A bundled rubric id or file.")] = DEFAULT_RUBRIC,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write here.")] = None,
    force: Annotated[bool, typer.Option(help="Replace an existing --output file.")] = False,
    lang: LangOpt = "id",
) -> None:
    """Skema JSON untuk editor / a JSON Schema of the self-assessment file for a rubric."""
    from spbe_cli.render.assessment_schema import schema_text

    loaded = _rubric_or_exit(rubric, lang)
    if output is None:
        sys.stdout.write(schema_text(loaded))
        return
    _write_output(output, schema_text(loaded), force=force, lang=lang)
    typer.echo(text("schema.written", lang, path=output), err=True)


# --- spbe plan and spbe rank (issue 6); the work is in run_plan_rank.py ---------------------

PlanFormat = Annotated[
    Literal["table", "json", "csv", "markdown"],
    typer.Option("--format", "-f", help="Output format."),
]
RankFormat = Annotated[
    Literal["table", "json", "csv", "markdown", "xlsx"],
    typer.Option("--format", "-f", help="Output format."),
]


def _run_plan_rank(call: object) -> NoReturn:
    """Run a plan/rank body and exit with its code; usage problems exit 2 with a message."""
    from spbe_cli.app.plan_rank import UsageError

    try:
        code = call()  # type: ignore[operator]
    except UsageError as exc:
        _usage_error(str(exc))
    raise typer.Exit(code)


@app.command()
def plan(
    file: Annotated[Path, typer.Argument(help="An assessment file (complete).")],
    target: Annotated[str, typer.Option(help="A target index (3.5) or a predicate of the rubric.")],
    fmt: PlanFormat = "table",
    lang: LangOpt = "id",
    max_per_indicator: Annotated[
        int | None, typer.Option(min=0, help="At most N levels up per indicator.")
    ] = None,
    exclude: Annotated[str | None, typer.Option(help="Do not raise these, e.g. 45,46.")] = None,
    only_domain: Annotated[str | None, typer.Option(help="Raise only this domain's.")] = None,
    costs: Annotated[Path | None, typer.Option(help="Costs file: least total cost.")] = None,
    rubric: Annotated[Path | None, typer.Option(help="Use this rubric file instead.")] = None,
) -> None:
    """Rencana menuju target / the fewest (or cheapest) level steps that reach a target index."""
    from spbe_cli.app.plan_rank import run_plan

    def body() -> int:
        return run_plan(
            file,
            target,
            fmt=fmt,
            lang=lang,
            max_per_indicator=max_per_indicator,
            exclude=exclude,
            only_domain=only_domain,
            costs_path=costs,
            rubric_path=rubric,
        )

    _run_plan_rank(body)


@app.command()
def rank(
    files: Annotated[
        list[Path],
        typer.Argument(help="Assessment files or folders of one year.", metavar="PATH..."),
    ],
    fmt: RankFormat = "table",
    lang: LangOpt = "id",
    by: Annotated[
        Literal["provinsi", "jenis"] | None, typer.Option(help="Also rank within a group.")
    ] = None,
    top: Annotated[int | None, typer.Option(min=1, help="Show rows ranked N or better.")] = None,
    good_from: Annotated[
        str | None, typer.Option(help="The band counted as good (default: the rubric's good_from).")
    ] = None,
    allow_mixed: Annotated[bool, typer.Option(help="Rank several years or rubrics.")] = False,
    output: OutputOpt = None,
    force: ForceOpt = False,
) -> None:
    """Peringkat instansi / national and group ranks with the ministry's summary figures."""
    from spbe_cli.app.plan_rank import run_rank

    target = _needs_output(output, lang) if fmt == "xlsx" else None
    if target is not None:
        _run_report_step(lambda: _require(("openpyxl",), lang))
    write = _rank_writer(fmt, output, force, lang)

    def body() -> int:
        return run_rank(
            files,
            fmt=fmt,
            lang=lang,
            by=by,
            top_n=top,
            good_from=good_from,
            allow_mixed=allow_mixed,
            write=write,
        )

    _run_plan_rank(body)


# --- spbe rubric check, spbe rubric schema, spbe init (issue 5) ---------------------------------


@rubric_app.command("check")
def rubric_check(
    path: Annotated[str, typer.Argument(help="A rubric file (or a bundled rubric id).")],
    lang: LangOpt = "id",
) -> None:
    """Periksa berkas rubrik / check a rubric file and explain every problem with its line."""
    from spbe_cli.app.assess import RubricStore, load_rubric_file
    from spbe_cli.model.problems import by_place
    from spbe_cli.model.rubric import Rubric

    where = RubricStore().resolve(path, Path.cwd()) or Path(path)
    loaded = load_rubric_file(where)
    if not isinstance(loaded, Rubric):
        ordered = sorted(loaded, key=by_place)
        sys.stderr.write(problem_lines(ordered, lang))
        sys.stderr.write(text("rubric.invalid", lang, count=len(loaded), file=path) + "\n")
        raise typer.Exit(EXIT_INVALID)
    summary = text(
        "rubric.ok",
        lang,
        file=path,
        id=loaded.id,
        status=loaded.status,
        domains=len(loaded.domains),
        aspects=len(loaded.aspects),
        indicators=len(loaded.indicators),
        min=loaded.level_min,
        max=loaded.level_max,
        bands=len(loaded.bands),
    )
    typer.echo(summary)


@rubric_app.command("schema")
def rubric_schema() -> None:
    """Skema JSON format rubrik / the JSON Schema of the rubric file format."""
    import json

    from spbe_cli.model.rubric_file import rubric_json_schema

    sys.stdout.write(json.dumps(rubric_json_schema(), indent=2, ensure_ascii=False) + "\n")


InitFormat = Annotated[
    Literal["yaml", "toml"] | None,
    typer.Option("--format", "-f", help="Default: from -o's suffix, else yaml."),
]


@app.command()
def init(
    rubric: Annotated[str | None, typer.Option(help="A bundled rubric id or rubric file.")] = None,
    instansi: Annotated[str | None, typer.Option(help="The agency's name.")] = None,
    tahun: Annotated[int | None, typer.Option(help="The assessment year.")] = None,
    fmt: InitFormat = None,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write to FILE.")] = None,
    force: Annotated[bool, typer.Option(help="Replace an existing output file.")] = False,
    from_: Annotated[
        Path | None, typer.Option("--from", help="Pre-fill from last year's assessment.")
    ] = None,
    lang: LangOpt = "id",
) -> None:
    """Buat lembar penilaian mandiri / write a ready-to-fill self-assessment."""
    import datetime

    from spbe_cli.app.init import InitFailure, InitRequest, plan_init
    from spbe_cli.render.template import render

    chosen = _init_format(fmt, output, lang)
    out_dir = output.parent if output is not None else Path.cwd()
    request = InitRequest(rubric, instansi, tahun, from_, out_dir, datetime.date.today().year)
    plan = plan_init(request, lang)
    if isinstance(plan, InitFailure):
        sys.stderr.write(problem_lines(plan.problems, lang))
        _usage_error(text(plan.key, lang, **plan.params))
    content = render(plan.rubric, plan.options, chosen)
    if output is None:
        sys.stdout.write(content)
        return
    _write_output(output, content, force=force, lang=lang)
    typer.echo(text("init.written", lang, file=output, count=len(plan.rubric.indicators)))


def _init_format(fmt: str | None, output: Path | None, lang: Lang) -> Literal["yaml", "toml"]:
    """The format asked for, checked against -o's suffix: the loader reads a file by its suffix."""
    suffix = output.suffix.lower() if output is not None else ""
    by_suffix = {".yaml": "yaml", ".yml": "yaml", ".toml": "toml"}.get(suffix)
    chosen = fmt or by_suffix or "yaml"
    if output is not None and by_suffix != chosen:
        _usage_error(text("init.format_mismatch", lang, fmt=chosen, file=output))
    return "toml" if chosen == "toml" else "yaml"


# --- spbe report and --format xlsx (issue 8); the work is in run_report.py -------------------


def _needs_output(output: Path | None, lang: Lang) -> Path:
    """xlsx is binary: it goes to a file through safe_write, never to a terminal or pipe."""
    if output is None:
        _usage_error(text("xlsx.needs_output", lang))
    return output


def _run_report_step(call: object) -> object:
    """A report/xlsx body's result; usage problems exit 2 with a message, input problems exit 2."""
    from spbe_cli.app.plan_rank import UsageError
    from spbe_cli.app.report import InputProblems

    try:
        return call()  # type: ignore[operator]
    except UsageError as exc:
        _usage_error(str(exc))
    except InputProblems:
        raise typer.Exit(EXIT_INVALID) from None


@app.command()
def report(
    files: Annotated[
        list[Path], typer.Argument(help="An assessment, or years of one agency.", metavar="FILE...")
    ],
    output: Annotated[Path, typer.Option("--output", "-o", help="The HTML file to write.")],
    force: Annotated[bool, typer.Option(help="Replace an existing output file.")] = False,
    target: Annotated[
        str | None, typer.Option(help="Add the plan to this index (3.5) or a predicate.")
    ] = None,
    lang: LangOpt = "id",
) -> None:
    """Laporan HTML dengan grafik / one self-contained HTML report with charts, ready to print."""
    from spbe_cli.app.report import html_report

    html = _run_report_step(lambda: html_report(files, target, lang))
    assert isinstance(html, str)
    _write_output(output, html, force=force, lang=lang)
    typer.echo(text("report.written", lang, path=output), err=True)


@contextmanager
def _out(output: Path | None, force: bool, lang: Lang) -> Iterator[TextIO]:
    """stdout, or a buffer written to --output through safe_write once the renderer is done."""
    if output is None:
        yield sys.stdout
        return
    import io

    buffer = io.StringIO()
    yield buffer
    _write_output(output, buffer.getvalue(), force=force, lang=lang)


def _xlsx(
    build: Callable[[object], bytes], target: Path, force: bool, lang: Lang, any_: bool = True
) -> None:
    """Build a workbook with render/xlsx_out (openpyxl from the report extra) and write it."""
    from spbe_cli.app.report import XLSX_NEEDS

    _run_report_step(lambda: _require(XLSX_NEEDS, lang))
    if not any_:
        return
    from spbe_cli.render import xlsx_out

    _write_output(target, build(xlsx_out), force=force, lang=lang)
    typer.echo(text("xlsx.written", lang, path=target), err=True)


def _require(modules: tuple[str, ...], lang: Lang) -> None:
    from spbe_cli.app.report import require_extra

    require_extra(modules, lang)


def _rank_writer(
    fmt: str, output: Path | None, force: bool, lang: Lang
) -> Callable[[object, list], None] | None:
    """How `spbe rank` writes to -o: a workbook, or the chosen text format through safe_write."""
    if output is None:
        return None

    def write(ranking: object, shown: list) -> None:
        if fmt == "xlsx":
            _xlsx(lambda xlsx: xlsx.ranking_workbook(ranking, shown, lang), output, force, lang)
            return
        from spbe_cli.render.rank_out import write_ranking

        with _out(output, force, lang) as out:
            write_ranking(ranking, shown, fmt, out, lang)  # type: ignore[arg-type]

    return write


def app_for(args: list[str]) -> typer.Typer:
    """The app with only the command being run, so Typer builds one command instead of all.

    Typer inspects the signature of every registered command at each start (about 25 ms for
    ours); no command, `--help` or an unknown command still get the whole app.
    """
    wanted = next((a for a in args if not a.startswith("-")), None)
    commands = [c for c in app.registered_commands if _command_name(c) == wanted]
    groups = [g for g in app.registered_groups if g.name == wanted]
    if not (commands or groups):
        return app
    lean = typer.Typer(**_APP_SETTINGS)
    lean.registered_callback = app.registered_callback
    lean.registered_commands = commands
    lean.registered_groups = groups
    return lean


def _command_name(info: typer.models.CommandInfo) -> str:
    return info.name or info.callback.__name__.replace("_", "-")
