"""`spbe report`'s one format, in the registry like every other: the HTML page of a ReportModel."""

from __future__ import annotations

from typing import IO, Any

from spbe_cli.core.report_model import ReportModel
from spbe_cli.render.base import Renderer


class HtmlReport(Renderer[ReportModel]):
    announce = "report.written"

    def write(self, result: ReportModel, stream: IO[Any]) -> None:
        from spbe_cli.render.html_report import render_html

        stream.write(render_html(result, self.lang))
