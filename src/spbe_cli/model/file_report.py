"""One file's verdict in `spbe validate`, as its renderers receive it.

The app fills it: the located problems, and, when excerpts are wanted on a terminal, the text of
the lines they point at. A renderer therefore never opens a file or reaches back into the app.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spbe_cli.model.problems import Located


@dataclass
class FileReport:
    """One file's verdict: valid when none of its problems is an error."""

    path: str
    problems: list[Located] = field(default_factory=list)
    sources: dict[int, str] = field(default_factory=dict)
    """Some 1-based lines of the problems' file (those under a problem), for excerpts; often
    empty: only text output on a terminal shows them."""

    @property
    def errors(self) -> list[Located]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Located]:
        return [p for p in self.problems if p.severity == "warning"]

    @property
    def valid(self) -> bool:
        return not self.errors
