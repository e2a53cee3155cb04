"""`spbe validate` output: compiler-style text, JSON, GitHub Actions annotations, JUnit XML.

Every format carries the same facts (file, line, column, severity, code, message) so a CI system
can pick what it reads best; the summary is words for people, so it goes where people look.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import IO, Any, ClassVar, Literal, TextIO
from xml.etree import ElementTree as ET

from spbe_cli.messages import Lang, text
from spbe_cli.model.file_report import FileReport
from spbe_cli.model.problems import Located
from spbe_cli.render.base import Options, Renderer
from spbe_cli.render.escape import guard_line, inert
from spbe_cli.render.problems_out import problem_line
from spbe_cli.render.text_layout import hanging

ValidateFormat = Literal["text", "json", "github", "junit"]
"""The formats registered under "validate" (render/registry.py), for type checking only."""


def _excerpt(source: str, column: int) -> str:
    """The offending line and a caret under its column; tabs kept so the caret lines up, control
    characters replaced so a hostile file cannot send escape sequences to the terminal, and a
    leading `:` or `#` escaped (`guard_line`) so the line cannot act as a workflow command."""
    shown = "".join(c if c == "\t" or c.isprintable() else "\ufffd" for c in source)
    pad = "".join(c if c == "\t" else " " for c in shown[: column - 1])
    guarded = guard_line(shown)
    if guarded is not shown and column - 1 > len(shown) - len(shown.lstrip()):
        pad += " " * (len(guarded) - len(shown))  # the caret stays under its character
    return f"    {guarded}\n    {pad}^\n"


def records(results: list[FileReport], lang: Lang) -> list[dict[str, object]]:
    """One record per problem; a workbook's also names its cell (`"cell": "Indikator!E9"`, with
    the cell's row and column as `line` and `column`)."""
    return [
        {
            "file": item.file,
            "line": item.line,
            "column": item.column,
            **({"cell": item.place} if item.place is not None else {}),
            "severity": item.severity,
            "code": item.code,
            "message": text(item.code, lang, **item.problem.params),
        }
        for result in results
        for item in result.problems
    ]


def _escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


def github_line(item: Located, lang: Lang) -> str:
    """One workflow command; GitHub shows it on the file's line in the pull request.

    A workbook has no lines GitHub could show, so its annotation is on the file and names the
    cell at the start of the message. Newlines and separators are percent-encoded as GitHub
    documents; any other control or bidi character is then shown as an escape (`inert`), so it
    cannot colour or hide the log.
    """
    message = text(item.code, lang, **item.problem.params)
    where = (("line", item.line), ("col", item.column)) if item.place is None else ()
    props = ",".join(
        f"{key}={inert(_escape_property(str(value)))}"
        for key, value in (("file", item.file), *where, ("title", item.code))
    )
    cell = f"{item.place}: " if item.place is not None else ""
    return f"::{item.severity} {props}::{inert(_escape_data(f'[{item.code}] {cell}{message}'))}"


_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _xml_safe(value: str) -> str:
    """XML 1.0 cannot hold control characters at all; a hostile file's key may contain them."""
    return _NOT_XML.sub("\ufffd", value)


def junit_xml(results: list[FileReport], lang: Lang) -> str:
    """One testcase per file: a failure lists its errors, warnings go to system-out."""
    invalid = sum(not r.valid for r in results)
    suite = ET.Element(
        "testsuite",
        {"name": "spbe validate", "tests": str(len(results)), "failures": str(invalid)},
    )
    suite.set("errors", "0")
    for result in results:
        name = _xml_safe(result.path)
        case = ET.SubElement(suite, "testcase", {"classname": "spbe.validate", "name": name})
        if result.errors:
            first = result.errors[0]
            failure = ET.SubElement(
                case,
                "failure",
                {
                    "message": _xml_safe(text(first.code, lang, **first.problem.params)),
                    "type": first.code,
                },
            )
            failure.text = _xml_safe("".join(problem_line(p, lang) + "\n" for p in result.errors))
        if result.warnings:
            out = ET.SubElement(case, "system-out")
            out.text = _xml_safe("".join(problem_line(p, lang) + "\n" for p in result.warnings))
    ET.indent(suite)
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(suite, encoding="unicode") + "\n"
    )


# --- Streaming output (issue 7): each file's text is rendered where it was checked -------------


def summary_text(files: int, valid: int, warnings: int, lang: Lang) -> str:
    params = {"files": files, "valid": valid, "invalid": files - valid}
    return text("validate.summary", lang, **params, warnings=warnings) + "\n"


def _json_item(record: dict[str, object]) -> str:
    """One element of the array exactly as `json.dumps(list, indent=2)` would lay it out."""
    return "  " + json.dumps(record, ensure_ascii=False, indent=2).replace("\n", "\n  ")


class ValidateRenderer(Renderer[FileReport]):
    """`spbe validate` in one format: each file's problems as text, rendered in the worker that
    checked the file (so the object is picklable), and how those texts join into one output.

    A subclass per format is registered under "validate" in render/registry.py; the writer below
    streams every format the same way, asking the renderer only for its separators.
    """

    keeps_results: ClassVar[bool] = False
    """Whether every file's problems are needed at the end (JUnit's header counts them)."""
    summary_on_stderr: ClassVar[bool] = False
    """A machine format keeps stdout parseable: the summary for people goes to stderr."""

    @property
    def wants_sources(self) -> bool:
        """Whether the app should give each report the lines under its problems."""
        return False

    def __call__(self, result: FileReport) -> str:
        return self.render(result) if result.problems else ""

    def render(self, result: FileReport) -> str:
        raise NotImplementedError

    def write(self, result: FileReport, stream: IO[Any]) -> None:
        stream.write(self(result))

    def joined(self, output: str, first: bool) -> str:
        """One file's output as it goes into the stream after `first` or later files."""
        return output

    def aborted(self, written: int) -> str:
        """What closes the output when a usage error stops the run part-way."""
        return ""

    def closing(self, written: int, results: list[FileReport]) -> str:
        """What ends the output once every file was written (`written` files had output)."""
        return ""


class ValidateText(ValidateRenderer):
    """Compiler-style lines (`path:line:col: error[SPBE103]: message`), the pre-commit hook's
    format. On a terminal each is wrapped between words to the terminal's width (a hanging
    indent keeps the location alone at the left) and followed by its source line and a caret;
    in a pipe each problem stays one line, for editors and scripts."""

    @property
    def wants_sources(self) -> bool:
        return self.options.excerpts

    def render(self, result: FileReport) -> str:
        return self.text(result.problems, result.sources if self.options.excerpts else {})

    def text(self, problems: list[Located], lines: Mapping[int, str] | None = None) -> str:
        """Compiler-style lines, each followed by its source line and a caret when `lines` (the
        file's text by 1-based line number, read by the app) has it."""
        lines = lines or {}
        width = self.options.width
        out = []
        for item in problems:
            line = problem_line(item, self.lang)
            if width is None:
                out.append(line + "\n")
            else:
                out.extend(guard_line(part) + "\n" for part in hanging(line, width))
            if item.line in lines and item.place is None:  # a workbook has no lines to show
                out.append(_excerpt(lines[item.line], item.column))
        return "".join(out)


class ValidateJson(ValidateRenderer):
    """One JSON array of every problem; opened at its first element, so an empty run is `[]`."""

    summary_on_stderr = True

    def render(self, result: FileReport) -> str:
        return ",\n".join(_json_item(r) for r in records([result], self.lang))

    def joined(self, output: str, first: bool) -> str:
        return ("[\n" if first else ",\n") + output

    def aborted(self, written: int) -> str:
        return "\n]\n" if written else ""

    def closing(self, written: int, results: list[FileReport]) -> str:
        return "\n]\n" if written else "[]\n"


class ValidateGithub(ValidateRenderer):
    """GitHub Actions workflow commands: each problem annotates its file's line in the PR."""

    def render(self, result: FileReport) -> str:
        return "".join(github_line(item, self.lang) + "\n" for item in result.problems)


class ValidateJunit(ValidateRenderer):
    """JUnit XML: its header counts every file, so nothing is written until the end."""

    keeps_results = True
    summary_on_stderr = True

    def __call__(self, result: FileReport) -> str:
        return ""

    def render(self, result: FileReport) -> str:
        return ""

    def closing(self, written: int, results: list[FileReport]) -> str:
        return junit_xml(results, self.lang)


def file_renderer(fmt: str, lang: Lang, with_sources: bool = False) -> ValidateRenderer:
    """The registered renderer of `fmt`; `with_sources` means a terminal: source excerpts, and
    lines wrapped to its width (measured here, in the parent: the renderer goes to workers)."""
    import shutil

    from spbe_cli.render.registry import renderer

    width = shutil.get_terminal_size().columns if with_sources else None
    chosen = renderer("validate", fmt, Options(lang, excerpts=with_sources, width=width))
    assert isinstance(chosen, ValidateRenderer)
    return chosen


class ValidationWriter:
    """Writes files' outputs as they arrive, then the folder warnings and the summary."""

    def __init__(self, renderer: ValidateRenderer, out: TextIO, err: TextIO) -> None:
        self.renderer = renderer
        self.out = out
        self.err = err
        self.items = 0

    def file(self, output: str) -> None:
        if not output:
            return
        self.out.write(self.renderer.joined(output, first=not self.items))
        self.items += 1

    def late(self, report: FileReport) -> None:
        """A problem known only once every file was read (SPBE355), after all files' output."""
        self.file(self.renderer(report))

    def abort(self) -> None:
        """Close what was opened, so a run stopped by a usage error still leaves valid JSON."""
        self.out.write(self.renderer.aborted(self.items))

    def finish(self, summary: str, results: list[FileReport] | None = None) -> None:
        self.out.write(self.renderer.closing(self.items, results or []))
        (self.err if self.renderer.summary_on_stderr else self.out).write(summary)
