"""`spbe validate` output: compiler-style text, JSON, GitHub Actions annotations, JUnit XML.

Every format carries the same facts (file, line, column, severity, code, message) so a CI system
can pick what it reads best; the summary is words for people, so it goes where people look.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Literal, TextIO
from xml.etree import ElementTree as ET

from spbe_cli.messages import Lang, text
from spbe_cli.model.file_report import FileReport
from spbe_cli.model.problems import Located
from spbe_cli.render.problems_out import problem_line

ValidateFormat = Literal["text", "json", "github", "junit"]


def _excerpt(source: str, column: int) -> str:
    """The offending line and a caret under its column; tabs kept so the caret lines up, control
    characters replaced so a hostile file cannot send escape sequences to the terminal."""
    shown = "".join(c if c == "\t" or c.isprintable() else "\ufffd" for c in source)
    pad = "".join(c if c == "\t" else " " for c in shown[: column - 1])
    return f"    {shown}\n    {pad}^\n"


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
    cell at the start of the message.
    """
    message = text(item.code, lang, **item.problem.params)
    where = (("line", item.line), ("col", item.column)) if item.place is None else ()
    props = ",".join(
        f"{key}={_escape_property(str(value))}"
        for key, value in (("file", item.file), *where, ("title", item.code))
    )
    cell = f"{item.place}: " if item.place is not None else ""
    return f"::{item.severity} {props}::{_escape_data(f'[{item.code}] {cell}{message}')}"


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


class FileRenderer:
    """One file's output in the chosen format; picklable, so a worker process can render it.

    JUnit needs every file before it can write its header, so it renders nothing per file.
    """

    def __init__(self, fmt: ValidateFormat, lang: Lang, with_sources: bool = False) -> None:
        self.fmt = fmt
        self.lang = lang
        self.with_sources = with_sources

    @property
    def wants_sources(self) -> bool:
        """Whether the app should give each report the lines under its problems (text only)."""
        return self.with_sources and self.fmt == "text"

    def __call__(self, result: FileReport) -> str:
        if not result.problems or self.fmt == "junit":
            return ""
        if self.fmt == "json":
            return ",\n".join(_json_item(r) for r in records([result], self.lang))
        if self.fmt == "github":
            return "".join(github_line(item, self.lang) + "\n" for item in result.problems)
        return self.text(result.problems, result.sources if self.with_sources else {})

    def text(self, problems: list[Located], lines: Mapping[int, str] | None = None) -> str:
        """Compiler-style lines, each followed by its source line and a caret when `lines` (the
        file's text by 1-based line number, read by the app) has it."""
        lines = lines or {}
        out = []
        for item in problems:
            out.append(problem_line(item, self.lang) + "\n")
            if item.line in lines and item.place is None:  # a workbook has no lines to show
                out.append(_excerpt(lines[item.line], item.column))
        return "".join(out)


class ValidationWriter:
    """Writes files' outputs as they arrive, then the folder warnings and the summary.

    The JSON array is opened at its first element, so an empty run still prints `[]`.
    """

    def __init__(self, renderer: FileRenderer, out: TextIO, err: TextIO) -> None:
        self.renderer = renderer
        self.out = out
        self.err = err
        self.items = 0

    def file(self, output: str) -> None:
        if not output:
            return
        if self.renderer.fmt == "json":
            self.out.write(("[\n" if not self.items else ",\n") + output)
            self.items += 1
        else:
            self.out.write(output)

    def late(self, report: FileReport) -> None:
        """A problem known only once every file was read (SPBE355), after all files' output."""
        self.file(self.renderer(report))

    def abort(self) -> None:
        """Close what was opened, so a run stopped by a usage error still leaves valid JSON."""
        if self.renderer.fmt == "json" and self.items:
            self.out.write("\n]\n")

    def finish(self, summary: str, results: list[FileReport] | None = None) -> None:
        fmt, lang = self.renderer.fmt, self.renderer.lang
        if fmt == "junit":
            self.out.write(junit_xml(results or [], lang))
        elif fmt == "json":
            self.out.write("[]\n" if not self.items else "\n]\n")
        (self.err if fmt in ("json", "junit") else self.out).write(summary)
