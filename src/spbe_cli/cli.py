"""The command line: parse options, call the workflow and the core, hand results to a renderer.

No computation happens here. The exit code is decided once, at the end of each command:
0 success, 1 a threshold not met, 2 invalid input or usage.
"""

from __future__ import annotations

import sys
from fractions import Fraction
from pathlib import Path
from typing import Annotated, NoReturn

import typer

from . import __version__
from .messages import Lang, text
from .render.problems_out import problem_lines
from .render.scores import Format, write_scores
from .render.tables import Detail

EXIT_OK, EXIT_THRESHOLD, EXIT_INVALID = 0, 1, 2

app = typer.Typer(
    help="Kalkulator Indeks SPBE yang pasti / the exact SPBE index calculator.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
rubric_app = typer.Typer(help="Rubrik bawaan / bundled rubrics.", no_args_is_help=True)
app.add_typer(rubric_app, name="rubric")

LangOpt = Annotated[Lang, typer.Option("--lang", envvar="SPBE_LANG", help="id (Indonesia) or en.")]
FormatOpt = Annotated[Format, typer.Option("--format", "-f", help="Output format.")]


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


def _fraction_option(raw: str | None, name: str) -> Fraction | None:
    if raw is None:
        return None
    try:
        return Fraction(raw.replace(",", "."))
    except (ValueError, ZeroDivisionError):
        _usage_error(f"{name} expects a number such as 2.6, not {raw!r}")


@app.command()
def score(
    files: Annotated[list[Path], typer.Argument(help="Assessment files or folders.")],
    fmt: FormatOpt = "table",
    lang: LangOpt = "id",
    detail: Annotated[Detail, typer.Option(help="How deep the tables go.")] = "indicators",
    partial: Annotated[bool, typer.Option(help="Score a draft with missing indicators as a range.")] = False,
    fail_under: Annotated[str | None, typer.Option(help="Exit 1 when an exact index is below this.")] = None,
    min_predicate: Annotated[str | None, typer.Option(help="Exit 1 below this predicate, e.g. baik.")] = None,
    rubric: Annotated[Path | None, typer.Option(help="Score with this rubric file instead.")] = None,
) -> None:
    """Hitung indeks SPBE / compute the SPBE index of self-assessment files."""
    from .gate import Gate, UnknownPredicate, check
    from .workflow import assess_all

    gate = Gate(_fraction_option(fail_under, "--fail-under"), min_predicate)
    outcomes = list(assess_all(files, partial=partial, rubric_path=rubric))
    if not outcomes:
        _usage_error(text("usage.no_files", lang, path=", ".join(map(str, files))))
    problems = [p for o in outcomes for p in o.problems]
    cards = [(o.path, o.scorecard) for o in outcomes if o.scorecard is not None]
    single = len(files) == 1 and not files[0].is_dir()
    if cards:
        write_scores(cards, fmt, sys.stdout, single=single and not problems, lang=lang, detail=detail)
    sys.stdout.flush()
    if problems:
        sys.stderr.write(problem_lines(problems, lang))
        raise typer.Exit(EXIT_INVALID)
    try:
        failures = [f for _, card in cards for f in check(card, gate)]
    except UnknownPredicate:
        allowed = ", ".join(b.name for b in cards[0][1].rubric.bands) if cards else ""
        _usage_error(text("usage.unknown_predicate", lang, value=min_predicate, allowed=allowed))
    for failure in failures:
        sys.stderr.write(_gate_message(failure, lang) + "\n")
    raise typer.Exit(EXIT_THRESHOLD if failures else EXIT_OK)


def _gate_message(failure: object, lang: Lang) -> str:
    from .gate import GateFailure
    from .numbers import exact_text

    assert isinstance(failure, GateFailure)
    index = failure.scorecard.index
    file = failure.scorecard.assessment.agency.nama
    if failure.kind == "fail_under":
        return text(
            "threshold.fail_under",
            lang,
            shown=index.value,
            exact=exact_text(index.exact),
            threshold=failure.threshold,
            file=file,
        )
    return text("threshold.min_predicate", lang, predicate=index.predicate, minimum=failure.threshold, file=file)


def _bundled_rubrics() -> list:
    from .rubric import Rubric
    from .workflow import RubricStore, bundled_dir, bundled_ids

    store = RubricStore()
    loaded = [store.load(bundled_dir() / f"{rid}.yaml") for rid in bundled_ids()]
    return [r for r in loaded if isinstance(r, Rubric)]


ListFormat = Annotated[str, typer.Option("--format", "-f", help="table, json or markdown.")]


@rubric_app.command("list")
def rubric_list(fmt: ListFormat = "table", lang: LangOpt = "id") -> None:
    """Rubrik bawaan / the bundled rubrics with their regulation, era and status."""
    from .render.human import write_report
    from .render.records import to_json
    from .render.rubrics import list_records, list_report

    rubrics = _bundled_rubrics()
    if fmt == "json":
        sys.stdout.write(to_json(list_records(rubrics)))
    else:
        write_report(list_report(rubrics, lang), sys.stdout, markdown_out=fmt == "markdown")


@rubric_app.command("show")
def rubric_show(
    indicator: Annotated[str | None, typer.Argument(help="An indicator id, e.g. 12.")] = None,
    rubric: Annotated[str, typer.Option(help="A bundled rubric id or a rubric file.")] = "permenpanrb-59-2020",
    fmt: ListFormat = "table",
    lang: LangOpt = "id",
) -> None:
    """Pertanyaan dan kriteria / an indicator's question and level criteria, or the whole rubric."""
    from .render.human import write_report
    from .render.problems_out import problem_lines
    from .render.records import to_json
    from .render.rubrics import indicator_record, indicator_report, tree_report
    from .rubric import Rubric
    from .workflow import RubricStore, bundled_ids

    store = RubricStore()
    path = store.resolve(rubric, Path.cwd())
    if path is None:
        _usage_error(text("SPBE108", lang, rubric=rubric, known=", ".join(bundled_ids())))
    loaded = store.load(path)
    if not isinstance(loaded, Rubric):
        sys.stderr.write(problem_lines(loaded, lang))
        raise typer.Exit(EXIT_INVALID)
    if indicator is None:
        write_report(tree_report(loaded, lang), sys.stdout, markdown_out=fmt == "markdown")
        return
    ind = loaded.by_key.get(indicator.strip())
    if ind is None:
        _usage_error(text("usage.unknown_indicator", lang, id=indicator, rubric=loaded.id))
    if fmt == "json":
        sys.stdout.write(to_json(indicator_record(loaded, ind)))
    else:
        write_report(indicator_report(loaded, ind, lang), sys.stdout, markdown_out=fmt == "markdown")
