"""The shell's one path from paths on disk to results: file → loader → models → core → outcome.

Nothing here prints; the CLI renders what comes back. Rubrics are loaded once per process.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from spbe_cli.core.scoring import Scorecard, score
from spbe_cli.exits import processing
from spbe_cli.files.reader import SUFFIXES, Document, LoadFailure, expand_paths, read_document
from spbe_cli.model.assessment import Assessment, rubric_reference, validate_assessment
from spbe_cli.model.codes import Code
from spbe_cli.model.problems import Located, Problem, by_place
from spbe_cli.model.rubric import Rubric, reference_key
from spbe_cli.model.rubric_file import build_rubric


@dataclass
class Outcome:
    """One file's result: a valid assessment with its rubric, or the problems that stopped it.

    The scorecard is computed on first use: `spbe validate` without a threshold never needs it,
    and in a batch of ten thousand files its cost is a fifth of the per-file work.
    """

    path: str
    problems: list[Located] = field(default_factory=list)
    document: Document | None = None
    assessment: Assessment | None = None
    rubric: Rubric | None = None
    _card: Scorecard | None = field(default=None, repr=False)

    @property
    def scorecard(self) -> Scorecard | None:
        if self._card is None and self.assessment is not None and self.rubric is not None:
            with processing(self.path):
                self._card = score(self.rubric, self.assessment)
        return self._card


def bundled_dir() -> Path:
    """The rubrics shipped in the package; in a source checkout, the repository's rubrics/.

    The package's folder from this module's own path, not `importlib.resources.files()`: the
    rubrics are read as files on disk either way, and importing importlib.resources (with
    tempfile, random and zipfile) cost about 4 ms of every run's start-up.
    """
    packaged = Path(__file__).resolve().parents[1] / "rubrics"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[3] / "rubrics"


def bundled_ids() -> list[str]:
    return sorted(p.stem for p in bundled_dir().glob("*.yaml"))


RUBRIC_SUFFIXES = (".yaml", ".yml", ".json", ".toml")


def is_rubric_path(ref: str) -> bool:
    """A reference naming a file rather than a bundled rubric: it ends in a rubric file suffix.

    Nothing else is read as a path, so the names officials give ("PermenPANRB 59/2020", with a
    slash) are looked up as aliases and an unknown one is SPBE108 with the list of ids, never
    "file not found".
    """
    return ref.strip().lower().endswith(RUBRIC_SUFFIXES)


class RubricStore:
    """Resolves `rubrik:` references and loads each rubric file once.

    A reference written in an assessment is the assessment author's, who may be a stranger (a
    pull request in CI): it may only lead to a rubric file inside the folder spbe was started in
    or the assessment's own repository (`allow_outside` lifts that, for files the user trusts),
    and a file reached that way that fails as a rubric is reported by place and code only.
    """

    def __init__(self, *, allow_outside: bool = False) -> None:
        self.allow_outside = allow_outside
        self._cache: dict[Path, Rubric | list[Located]] = {}
        self._bundled: dict[str, Path] | None = None
        self._aliases: dict[str, str] | None = None
        self._resolved: dict[Path, Path] = {}
        """Paths as asked for → resolved: a batch asks for the same rubric ten thousand times."""
        self._roots: dict[Path, tuple[str, ...]] = {}
        self._references: dict[tuple[str, Path], Path | Problem] = {}

    def resolve(self, ref: str, base: Path) -> Path | None:
        """A bundled id, a rubric file (relative to `base`) or an alias of a bundled rubric.

        The id is checked first and costs nothing; aliases need the bundled rubrics loaded, so
        they are looked up only for a reference that is neither an id nor a path.
        """
        bundled = self._bundled_paths()
        if ref in bundled:
            return bundled[ref]
        if is_rubric_path(ref):
            return Path(os.path.realpath(base / ref.strip()))  # never raises on a symlink loop
        rubric_id = self.alias_of(ref)
        return bundled[rubric_id] if rubric_id is not None else None

    def alias_of(self, ref: str) -> str | None:
        """The bundled rubric `ref` names by its id or an alias, as `reference_key` compares."""
        if self._aliases is None:
            self._aliases = {}
            for rid, rubric in self.bundled().items():
                for name in (rid, *rubric.aliases):
                    self._aliases.setdefault(reference_key(name), rid)
        return self._aliases.get(reference_key(ref))

    def _bundled_paths(self) -> dict[str, Path]:
        if self._bundled is None:
            folder = bundled_dir()
            self._bundled = {ref: folder / f"{ref}.yaml" for ref in bundled_ids()}
        return self._bundled

    def reference(self, ref: str, base: Path) -> Path | Problem | None:
        """The rubric file an assessment in `base` names, or why it may not be read (SPBE010,
        SPBE113), decided before the file is opened; None when `ref` names no rubric."""
        key = (ref, base)
        if key not in self._references:
            resolved = self.resolve(ref, base)
            if resolved is None:
                return None
            self._references[key] = self._vet(ref, resolved, base)
        return self._references[key]

    def _vet(self, ref: str, resolved: Path, base: Path) -> Path | Problem:
        if self._bundled and resolved in self._bundled.values():
            return resolved
        for suffix in (Path(ref).suffix.lower(), resolved.suffix.lower()):
            if suffix not in SUFFIXES:
                return Problem(Code.SPBE010, ("rubrik",), {"suffix": suffix or ref})
        if not self.allow_outside and not _inside(str(resolved), self._roots_of(base)):
            return Problem(Code.SPBE113, ("rubrik",), {"rubric": ref})
        return resolved

    def _roots_of(self, base: Path) -> tuple[str, ...]:
        """Where references from files in `base` may lead: the current folder's tree, and the
        repository holding `base` (the nearest folder up with a `.git`), else `base` itself."""
        roots = self._roots.get(base)
        if roots is None:
            folder = os.path.realpath(base)
            repository = next(
                (up for up in _upwards(folder) if os.path.lexists(os.path.join(up, ".git"))),
                folder,
            )
            roots = self._roots[base] = (os.path.realpath(os.getcwd()), repository)
        return roots

    def load(self, path: Path) -> Rubric | list[Located]:
        """The rubric at `path`, read once per resolved file; its problems name the file as
        `path` does (a `--rubric opd.yaml` stays `opd.yaml` in messages)."""
        key = self._resolved.get(path)
        if key is None:
            key = self._resolved[path] = Path(os.path.realpath(path))
        if key not in self._cache:
            self._cache[key] = load_rubric_file(path)
        return self._cache[key]

    def bundled(self) -> dict[str, Rubric]:
        """Every bundled rubric by id (a broken one, impossible in a release, is left out)."""
        loaded = {rid: self.load(bundled_dir() / f"{rid}.yaml") for rid in bundled_ids()}
        return {rid: r for rid, r in loaded.items() if isinstance(r, Rubric)}

    def path_of(self, rubric: Rubric) -> Path | None:
        """The resolved file this store loaded `rubric` from (a compact key for other processes)."""
        return next((key for key, loaded in self._cache.items() if loaded is rubric), None)


def _upwards(folder: str) -> Iterator[str]:
    while True:
        yield folder
        parent = os.path.dirname(folder)
        if parent == folder:
            return
        folder = parent


def _inside(path: str, roots: tuple[str, ...]) -> bool:
    return any(path == root or path.startswith(root.rstrip(os.sep) + os.sep) for root in roots)


def load_rubric_file(path: Path) -> Rubric | list[Located]:
    doc = read_document(path)
    if isinstance(doc, LoadFailure):
        return doc.problems
    built = build_rubric(doc.data)
    if isinstance(built, Rubric):
        return built
    return [doc.locate(p) for p in built]


def assess(
    path: Path,
    store: RubricStore,
    *,
    partial: bool = False,
    rubric_path: Path | None = None,
    max_bytes: int | None = None,
) -> Outcome:
    with processing(str(path)):
        return _assess(path, store, partial, rubric_path, max_bytes)


def _assess(
    path: Path, store: RubricStore, partial: bool, rubric_path: Path | None, max_bytes: int | None
) -> Outcome:
    doc = read_document(path, max_bytes)
    if isinstance(doc, LoadFailure):
        return Outcome(str(path), problems=doc.problems)
    rubric, rubric_problems = _rubric_for(doc, path, store, rubric_path)
    result = validate_assessment(doc.data, rubric, partial=partial)
    if isinstance(result, list):
        problems = rubric_problems + [_locate(doc, p) for p in result]
        problems.sort(key=by_place)
        return Outcome(str(path), problems=problems, document=doc)
    if rubric is None:
        return Outcome(str(path), problems=rubric_problems, document=doc)
    return Outcome(str(path), document=doc, assessment=result, rubric=rubric)


def _locate(doc: Document, problem: Problem) -> Located:
    """A model problem at its place; the model's own duplicate-id guard (SPBE006) names the
    first key, whose line only the document knows."""
    first = problem.params.get("first") if problem.code == Code.SPBE006 else None
    if isinstance(first, str):
        params = {k: v for k, v in problem.params.items() if k != "first"}
        params["first_line"] = doc.mark_of(("indikator", first), "key")[0] + 1
        problem = replace(problem, params=params)
    return doc.locate(problem)


def _rubric_for(
    doc: Document, path: Path, store: RubricStore, override: Path | None
) -> tuple[Rubric | None, list[Located]]:
    ref = rubric_reference(doc.data)
    if override is not None:
        where = override
    elif ref is None:
        return None, []  # validation reports the missing or mistyped `rubrik`
    else:
        resolved = store.reference(ref, path.parent)
        if resolved is None:
            known = ", ".join(bundled_ids())
            return None, [
                doc.locate(Problem(Code.SPBE108, ("rubrik",), {"rubric": ref, "known": known}))
            ]
        if isinstance(resolved, Problem):
            return None, [doc.locate(resolved)]
        where = resolved
    loaded = store.load(where)
    if isinstance(loaded, Rubric):
        return loaded, []
    params = {"rubric": ref or str(where), "count": len(loaded), "path": str(where)}
    problem = Problem(Code.SPBE111, ("rubrik",), params)
    if override is not None:  # a file the user named on the command line: every detail
        return None, [doc.locate(problem), *loaded]
    return None, [doc.locate(problem), *_withheld(loaded, str(where))]


def _withheld(problems: list[Located], path: str) -> list[Located]:
    """A referenced file's problems by place and code only (SPBE116): whatever the file is (a
    secret a pull request points at, say), its keys and values never reach the output. The
    problems of a file as a whole that quote nothing of it (cannot be read, too large, not a
    regular file...) are shown as they are; one line per place and code."""
    shown: dict[tuple[str, int, int, str], Located] = {}
    for p in problems:
        if p.code not in _QUOTE_NOTHING:
            params = {"code": p.code.value, "path": path}
            p = Located(Problem(Code.SPBE116, (), params), p.file, p.line, p.column)
        shown.setdefault((p.file, p.line, p.column, str(p.problem.params.get("code", p.code))), p)
    return list(shown.values())


_QUOTE_NOTHING = frozenset(
    {Code.SPBE001, Code.SPBE002, Code.SPBE003, Code.SPBE004, Code.SPBE008, Code.SPBE009}
    | {Code.SPBE011, Code.SPBE013}
)
"""File-level problems whose messages hold nothing of the file's content (a reason from the
operating system, a size, a byte offset, a limit)."""


def assess_all(
    paths: Iterable[str | Path],
    *,
    partial: bool = False,
    rubric_path: Path | None = None,
    allow_outside: bool = False,
) -> Iterator[Outcome]:
    store = RubricStore(allow_outside=allow_outside)
    for path in expand_paths(paths):
        yield assess(path, store, partial=partial, rubric_path=rubric_path)
