"""Every output format of every command, by name: the one place the CLI learns its `--format`.

A registry entry names its renderer class by module and attribute, so listing the formats costs
nothing at start-up and a renderer's libraries (Rich, openpyxl, YAML) load only when it runs.
"""

from __future__ import annotations

import importlib
from typing import Any, NamedTuple

from spbe_cli.render.base import Options, Renderer


class Entry(NamedTuple):
    module: str
    name: str
    needs: tuple[str, ...] = ()
    """Optional libraries (the `report` extra) checked before the renderer loads."""


class MissingExtra(Exception):
    """A renderer's optional library is not installed: a usage problem, not a bug."""

    def __init__(self, module: str) -> None:
        super().__init__(module)
        self.module = module


_R = "spbe_cli.render."

REGISTRIES: dict[str, dict[str, Entry]] = {
    "score": {
        "table": Entry(_R + "scores", "ScoreTable"),
        "json": Entry(_R + "scores", "ScoreJson"),
        "csv": Entry(_R + "scores", "ScoreCsv"),
        "markdown": Entry(_R + "scores", "ScoreMarkdown"),
        "yaml": Entry(_R + "scores", "ScoreYaml"),
        "toml": Entry(_R + "scores", "ScoreToml"),
        "xlsx": Entry(_R + "xlsx_out", "ScoresWorkbook"),
    },
    "diff": {
        "table": Entry(_R + "diff_out", "DiffTable"),
        "json": Entry(_R + "diff_out", "DiffJson"),
        "csv": Entry(_R + "diff_out", "DiffCsv"),
        "markdown": Entry(_R + "diff_out", "DiffMarkdown"),
        "xlsx": Entry(_R + "xlsx_out", "DiffWorkbook"),
    },
    "plan": {
        "table": Entry(_R + "plan_out", "PlanTable"),
        "json": Entry(_R + "plan_out", "PlanJson"),
        "csv": Entry(_R + "plan_out", "PlanCsv"),
        "markdown": Entry(_R + "plan_out", "PlanMarkdown"),
    },
    "rank": {
        "table": Entry(_R + "rank_out", "RankTable"),
        "json": Entry(_R + "rank_out", "RankJson"),
        "csv": Entry(_R + "rank_out", "RankCsv"),
        "markdown": Entry(_R + "rank_out", "RankMarkdown"),
        "xlsx": Entry(_R + "xlsx_out", "RankWorkbook"),
    },
    "report": {
        "html": Entry(_R + "report", "HtmlReport", ("jinja2",)),
    },
    "rubric-list": {
        "table": Entry(_R + "rubrics", "ListTable"),
        "json": Entry(_R + "rubrics", "ListJson"),
        "markdown": Entry(_R + "rubrics", "ListMarkdown"),
    },
    "rubric-show": {
        "table": Entry(_R + "rubrics", "ShowTable"),
        "json": Entry(_R + "rubrics", "ShowJson"),
        "markdown": Entry(_R + "rubrics", "ShowMarkdown"),
    },
    # `spbe validate` streams: each renders one file's problems in a worker (validate_out.py).
    "validate": {
        "text": Entry(_R + "validate_out", "ValidateText"),
        "json": Entry(_R + "validate_out", "ValidateJson"),
        "github": Entry(_R + "validate_out", "ValidateGithub"),
        "junit": Entry(_R + "validate_out", "ValidateJunit"),
    },
}


def formats(command: str) -> list[str]:
    """The `--format` choices of `command`, the first being its default."""
    return list(REGISTRIES[command])


def renderer(command: str, fmt: str, options: Options) -> Renderer[Any]:
    """The renderer of `fmt` for `command`, built with `options`."""
    entry = REGISTRIES[command][fmt]
    for module in entry.needs:
        try:
            importlib.import_module(module)
        except ImportError:
            raise MissingExtra(module) from None
    cls = getattr(importlib.import_module(entry.module), entry.name)
    return cls(options)
