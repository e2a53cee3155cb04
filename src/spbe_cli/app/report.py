"""The shell of `spbe report` and of `--format xlsx`: files in, a document or a usage error out.

Kept out of cli.py so the Typer module stays thin. Nothing is written here: the CLI hands the
result to safe_write. The report's libraries (Jinja2, pygal, openpyxl) are an optional extra,
checked first so a missing one is a clear message and exit 2, never a traceback.
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

from spbe_cli.app.plan_rank import UsageError, parse_target
from spbe_cli.messages import Lang, text
from spbe_cli.render.problems_out import problem_lines

HTML_NEEDS = ("jinja2", "pygal")
XLSX_NEEDS = ("openpyxl",)


class InputProblems(Exception):
    """Files that do not score; their problems are already on stderr (exit 2)."""


def require_extra(modules: tuple[str, ...], lang: Lang) -> None:
    """Fail early and plainly when the `report` extra is not installed."""
    for name in modules:
        try:
            importlib.import_module(name)
        except ImportError:
            raise UsageError(text("report.missing_extra", lang, module=name)) from None


def html_report(files: list[Path], target_raw: str | None, lang: Lang) -> str:
    """The report's HTML for one assessment or several years of one agency."""
    from spbe_cli.app.assess import assess_all
    from spbe_cli.core.diff import trend_order
    from spbe_cli.core.report_model import IncompleteAssessment, SeveralAgencies, build_report
    from spbe_cli.render.html_report import render_html

    require_extra(HTML_NEEDS, lang)
    outcomes = list(assess_all(files))
    if not outcomes:
        raise UsageError(text("usage.no_files", lang, path=", ".join(map(str, files))))
    problems = [p for o in outcomes for p in o.problems]
    if problems:
        sys.stderr.write(problem_lines(problems, lang))
        raise InputProblems()
    cards = [o.scorecard for o in outcomes if o.scorecard is not None]
    latest = trend_order(cards)[-1]
    target = None
    if target_raw is not None:
        target = parse_target(target_raw, cards[latest].rubric, lang)
    try:
        model = build_report(cards, target)
    except SeveralAgencies as exc:
        raise UsageError(
            text("report.several_agencies", lang, names=", ".join(exc.names))
        ) from None
    except IncompleteAssessment:
        raise UsageError(text("report.incomplete", lang, file=outcomes[latest].path)) from None
    return render_html(model, lang)
