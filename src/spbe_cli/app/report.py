"""`spbe report`: an assessment, or years of one agency, in; the report's model out.

The report's library (Jinja2) is an optional extra, checked by the CLI before any file is read,
so a missing one is a clear message and exit 2, never a traceback.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

from spbe_cli.core.report_model import ReportModel
from spbe_cli.core.scoring import Scorecard
from spbe_cli.exits import Stop, usage_error
from spbe_cli.messages import agencies
from spbe_cli.model.problems import Located

EPOCH_MAX = 253402300799
"""9999-12-31T23:59:59Z: the last second a date can show; larger epochs are refused, not wrapped."""


def report_date(given: str | None, source_date_epoch: str | None) -> date:
    """The date printed on the report: `--date`, else SOURCE_DATE_EPOCH (the reproducible-builds
    convention: seconds since 1970, UTC), else today. Fixing it makes the same input give the same
    bytes, so a report can be checked by comparing files."""
    if given is not None:
        try:
            return date.fromisoformat(given.strip())
        except ValueError:
            raise usage_error("report.bad_date", value=given) from None
    if source_date_epoch is not None and source_date_epoch.strip():
        raw = source_date_epoch.strip()
        if not raw.isdigit() or int(raw) > EPOCH_MAX:
            raise usage_error("report.bad_epoch", value=source_date_epoch)
        return datetime.fromtimestamp(int(raw), tz=UTC).date()
    return date.today()


def report_model(
    files: list[Path], target_raw: str | None, generated: date, allow_outside: bool = False
) -> ReportModel:
    """The model of one report; files that do not score stop the command with their problems.

    Files are read one at a time and only their scorecards are kept, and none once the files are
    known to be of several agencies (a folder of a national round is refused, not held).
    """
    from spbe_cli.app.assess import assess_all
    from spbe_cli.app.plan import parse_target
    from spbe_cli.core.diff import TrendPoint, trend_order
    from spbe_cli.core.report_model import IncompleteAssessment, build_report

    problems: list[Located] = []
    scored: list[tuple[str, Scorecard]] = []
    names: dict[str, None] = {}
    keys: set[str] = set()
    read = 0
    for outcome in assess_all(files, allow_outside=allow_outside):
        read += 1
        problems += outcome.problems
        card = None if problems else outcome.scorecard
        if card is not None:
            names[card.assessment.agency.nama] = None
            keys.add(card.assessment.agency.key)
            if len(keys) == 1:
                scored.append((outcome.path, card))
            else:
                scored.clear()
    if not read:
        raise usage_error("usage.no_files", path=", ".join(map(str, files)))
    if problems:
        raise Stop(problems=problems)
    if len(keys) > 1:
        raise _several(list(names))
    cards = [card for _, card in scored]
    latest = trend_order([TrendPoint.of(c) for c in cards])[-1]
    target = None if target_raw is None else parse_target(target_raw, cards[latest].rubric)
    try:
        return build_report(cards, generated, target)
    except IncompleteAssessment:
        raise usage_error("report.incomplete", file=scored[latest][0]) from None


def _several(names: list[str]) -> Stop:
    return usage_error("report.several_agencies", names=agencies(names))
