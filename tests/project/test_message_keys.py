"""Every message key the code names is in the catalogue, with the parameters its words need.

A misspelt key or a forgotten parameter is otherwise a KeyError at a user's terminal, and only on
the path that prints that message, which may be a rare error no other test walks. So this reads the
source instead of running it: every first argument of `text(...)`, `_detail(...)`, `InitFailure()`
and `Problem(...)`, every `{"catalogue": key}` (a nested message), and every `t(...)` of the HTML
report's template.

A key is followed through a literal, a `Code` member, either branch of `a if c else b`, a lookup
table, a local or loop variable bound to such values (also a list of keys, or one column of a list
of tuples), and a parameter, through what the callers in the same module pass. Keys made at run
time are listed in `_dynamic` and `_opaque` with the place their values come from. A site the scan
cannot follow fails with a pointer to those two lists instead of passing unchecked.
"""

from __future__ import annotations

import ast
import itertools
import string
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, Literal, get_args

import pytest

import spbe_cli
from spbe_cli.core.diff import Direction
from spbe_cli.core.rank import GROUPINGS
from spbe_cli.messages import VERBATIM, catalogue
from spbe_cli.model.codes import Code

SRC = Path(spbe_cli.__file__).resolve().parent
TEMPLATE = SRC / "render" / "templates" / "report.html.j2"
FUNCTIONS = (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)


class Unresolved(Exception):
    """An expression whose possible values the scan cannot list."""


FOLLOW = "list the keys it can be in _dynamic (an f-string) or _opaque (another expression)"


@dataclass
class Module:
    """One parsed source file, with each node's parent, so a name is looked up in its scope."""

    name: str
    tree: ast.Module
    parents: dict[ast.AST, ast.AST] = field(default_factory=dict)

    @classmethod
    def parse(cls, name: str, source: str) -> Module:
        tree = ast.parse(source, filename=name)
        parents = {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
        return cls(name, tree, parents)

    def scopes(self, node: ast.AST) -> Iterator[ast.AST]:
        """The functions around `node`, innermost first, then the module."""
        while node in self.parents:
            node = self.parents[node]
            if isinstance(node, FUNCTIONS):
                yield node
        yield self.tree

    def calls(self, name: str, *, method: bool = False) -> Iterator[ast.Call]:
        """Calls of `name(...)`, or with `method` of `anything.name(...)`."""
        for node in ast.walk(self.tree):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            if (method and isinstance(func, ast.Attribute) and func.attr == name) or (
                not method and isinstance(func, ast.Name) and func.id == name
            ):
                yield node


@cache
def modules() -> tuple[Module, ...]:
    return tuple(
        Module.parse(p.relative_to(SRC).as_posix(), p.read_text(encoding="utf-8"))
        for p in sorted(SRC.rglob("*.py"))
    )


def argument_values(function: str, index: int | None, keyword: str) -> set[str]:
    """What the callers of `function` anywhere in src pass for one argument: where a run-time
    key's varying part comes from (GateFailure("fail_under", ...) gives threshold.fail_under)."""
    values: set[str] = set()
    seen = False
    for mod in modules():
        for call in mod.calls(function):
            given = [k.value for k in call.keywords if k.arg == keyword]
            if index is not None and index < len(call.args):
                given.append(call.args[index])
            for expr in given:
                seen = True
                values |= resolve(expr, mod)
    assert seen, f"no call of {function} passes {keyword}: update this test's key sources"
    return values


@cache
def _dynamic() -> dict[str, frozenset[str]]:
    """Keys with a part known only at run time, f"threshold.{kind}": the pattern, with "{}" for
    that part, and the part's values. A new run-time key needs an entry here."""
    return {
        "threshold.{}": frozenset(argument_values("GateFailure", 0, "kind")),
        "diff.pred.{}": frozenset(get_args(Direction)),
        "diff.row.{}": frozenset(get_args(Direction)),
        "rank.by.{}": frozenset(GROUPINGS),
    }


@cache
def _opaque() -> dict[str, frozenset[str]]:
    """Expressions that hold a key as data, as written at their sites, and the keys they hold."""
    codes = frozenset(c.value for c in Code)  # a Problem's code (each has words: other file)
    group_kinds = frozenset(argument_values("_group", 1, "kind"))  # GroupScore.kind
    return {
        # Stop.message: usage_error(key) and Stop(message=key) pass literal keys, which
        # test_exit_path_keys_are_in_the_catalogue checks
        "stop.message": frozenset(),
        # Renderer.announce: the class attributes `announce = "key"` of the renderers
        "chosen.announce or ('xlsx.written' if chosen.binary else None)": frozenset(
            {"xlsx.written"} | _class_attribute_values("announce")
        ),
        "problem.code": codes,
        "item.code": codes,
        "first.code": codes,
        "plan.key": frozenset(),  # InitFailure.key: each InitFailure(...) is a site of this scan
        "g.kind": group_kinds,
        "groups[0].kind": group_kinds,
        "lambda:key": frozenset(),  # the template's t(); its keys are checked by the template test
    }


def _opaque_values(shown: str) -> set[str]:
    if shown not in _opaque():
        raise Unresolved(shown)
    return set(_opaque()[shown])


def resolve(expr: ast.expr, mod: Module, depth: int = 0) -> set[str]:
    """The strings `expr` can be, followed through names and callers; Unresolved if unknown."""
    if depth > 12:
        raise Unresolved(ast.unparse(expr))
    deeper = depth + 1
    match expr:
        case ast.Constant(value=str() as value):
            return {value}
        case ast.Attribute(value=ast.Name(id="Code"), attr=member):
            if member not in Code.__members__:
                raise KeyError(f"Code has no member {member}")
            return {Code[member].value}
        case ast.IfExp(body=body, orelse=orelse):
            return resolve(body, mod, deeper) | resolve(orelse, mod, deeper)
        case ast.Subscript(value=ast.Dict(values=values)):
            return set().union(*(resolve(v, mod, deeper) for v in values))
        case ast.Subscript(value=ast.Name() as table):
            return _table_values(table, mod, deeper)
        case ast.Call(func=ast.Attribute(value=ast.Name() as table, attr="get"), args=[_, default]):
            return _table_values(table, mod, deeper) | resolve(default, mod, deeper)
        case ast.JoinedStr():
            return _resolve_fstring(expr, mod, deeper)
        case ast.Name():
            return _resolve_name(expr, mod, deeper)
    return _opaque_values(ast.unparse(expr))


def _resolve_fstring(expr: ast.JoinedStr, mod: Module, depth: int) -> set[str]:
    """f"diff.row.{word}": every combination of its parts, or its entry in `_dynamic`."""
    pattern = "".join(str(v.value) if isinstance(v, ast.Constant) else "{}" for v in expr.values)
    try:
        choices = [
            {str(v.value)} if isinstance(v, ast.Constant) else resolve(v.value, mod, depth)
            for v in expr.values
            if isinstance(v, ast.Constant | ast.FormattedValue)
        ]
    except Unresolved:
        if pattern not in _dynamic():
            raise Unresolved(f'f"{pattern}"') from None
        return {pattern.format(v) for v in _dynamic()[pattern]}
    return {"".join(c) for c in itertools.product(*choices)}


@dataclass(frozen=True)
class Binding:
    """How a name gets a value in one scope: assigned, looped over, or a parameter."""

    how: Literal["value", "iter", "param"]
    node: ast.AST  # the value, the iterable, or the function
    index: int | None = None  # the position in a tuple target, or of the parameter


def _bindings(scope: ast.AST, name: str) -> list[Binding]:
    """Where `name` is bound in `scope`, not counting the functions inside it."""
    found: list[Binding] = []
    if isinstance(scope, FUNCTIONS):
        positional = [*scope.args.posonlyargs, *scope.args.args]
        found += [Binding("param", scope, n) for n, a in enumerate(positional) if a.arg == name]
        found += [Binding("param", scope) for a in scope.args.kwonlyargs if a.arg == name]
    todo = list(ast.iter_child_nodes(scope))
    while todo:
        node = todo.pop()
        if isinstance(node, (*FUNCTIONS, ast.ClassDef)):
            continue
        todo.extend(ast.iter_child_nodes(node))
        pairs: list[tuple[ast.expr, ast.expr, Literal["value", "iter"]]] = []
        if isinstance(node, ast.Assign):
            pairs = [(target, node.value, "value") for target in node.targets]
        elif isinstance(node, ast.AnnAssign | ast.NamedExpr) and node.value is not None:
            pairs = [(node.target, node.value, "value")]
        elif isinstance(node, ast.For | ast.comprehension):
            pairs = [(node.target, node.iter, "iter")]
        for target, value, how in pairs:
            if isinstance(target, ast.Name) and target.id == name:
                found.append(Binding(how, value))
            elif isinstance(target, ast.Tuple):
                found += [
                    Binding(how, value, n)
                    for n, t in enumerate(target.elts)
                    if isinstance(t, ast.Name) and t.id == name
                ]
    return found


def _scope_bindings(node: ast.Name, mod: Module) -> list[Binding]:
    """The bindings of a name in the innermost scope that binds it (Python's own rule)."""
    for scope in mod.scopes(node):
        found = _bindings(scope, node.id)
        if found:
            return found
    return []


def _resolve_name(expr: ast.Name, mod: Module, depth: int) -> set[str]:
    found = _scope_bindings(expr, mod)
    if not found:
        return _opaque_values(expr.id)
    values: set[str] = set()
    for b in found:
        if b.how == "param":
            values |= _resolve_param(b.node, expr.id, b.index, mod, depth)
        elif b.how == "iter":
            assert isinstance(b.node, ast.expr)
            values |= _resolve_iter(b.node, b.index, mod, depth)
        elif b.index is None:
            assert isinstance(b.node, ast.expr)
            values |= resolve(b.node, mod, depth)
        elif isinstance(b.node, ast.Tuple):  # a, b = "x", "y"
            values |= resolve(b.node.elts[b.index], mod, depth)
        else:
            raise Unresolved(f"{expr.id}, unpacked from {ast.unparse(b.node)}")
    return values


def _table_values(table: ast.Name, mod: Module, depth: int) -> set[str]:
    """The values of the dict literal a name is bound to: a lookup table of keys."""
    found = [b.node for b in _scope_bindings(table, mod) if b.how == "value"]
    if not found or not all(isinstance(d, ast.Dict) for d in found):
        raise Unresolved(f"the values of {table.id}")
    return {key for d in found for v in d.values for key in resolve(v, mod, depth)}


def _resolve_iter(expr: ast.expr, index: int | None, mod: Module, depth: int) -> set[str]:
    """What a loop over `expr` binds: a list of keys, or one column of a list of tuples."""
    if isinstance(expr, ast.List | ast.Tuple | ast.Set):
        values: set[str] = set()
        for element in expr.elts:
            if isinstance(element, ast.Starred):
                values |= _resolve_iter(element.value, index, mod, depth + 1)
            elif index is None:
                values |= resolve(element, mod, depth + 1)
            elif isinstance(element, ast.Tuple):
                values |= resolve(element.elts[index], mod, depth + 1)
            else:
                raise Unresolved(ast.unparse(element))
        return values
    if isinstance(expr, ast.Name):
        found = [b.node for b in _scope_bindings(expr, mod) if b.how == "value"]
        if found:
            return {v for node in found for v in _resolve_iter(node, index, mod, depth + 1)}
    raise Unresolved(f"the items of {ast.unparse(expr)}")


def _resolve_param(
    func: ast.AST, name: str, index: int | None, mod: Module, depth: int
) -> set[str]:
    """A parameter's values: what every call of its function in the same module passes."""
    if isinstance(func, ast.Lambda):
        return _opaque_values(f"lambda:{name}")
    assert isinstance(func, ast.FunctionDef | ast.AsyncFunctionDef)
    method = isinstance(mod.parents.get(func), ast.ClassDef)
    if method and index is not None:
        index -= 1  # obj.name(...) passes no self
    calls = list(mod.calls(func.name, method=method))
    if not calls:
        raise Unresolved(f"{name}, a parameter of {func.name}, which this module never calls")
    values: set[str] = set()
    for call in calls:
        given = [k.value for k in call.keywords if k.arg == name]
        if index is not None and index < len(call.args):
            given.append(call.args[index])
        if len(given) != 1:
            raise Unresolved(f"{name} in the call {ast.unparse(call)}")
        values |= resolve(given[0], mod, depth + 1)
    return values


@dataclass(frozen=True)
class Site:
    """A place in the source that names a message key, with the parameters it passes if known."""

    where: str
    key: ast.expr
    params: frozenset[str] | None  # None: not all visible (a **mapping, or a variable)


def _keywords(call: ast.Call, positional: int) -> frozenset[str] | None:
    """The parameter names a call passes, if all are visible keywords after `positional` args."""
    if any(k.arg is None for k in call.keywords) or len(call.args) > positional:
        return None
    return frozenset(k.arg for k in call.keywords if k.arg is not None)


def _dict_keys(node: ast.expr) -> frozenset[str] | None:
    """The keys of a literal dict of parameters, if all are literal."""
    if not isinstance(node, ast.Dict):
        return None
    keys = [k.value for k in node.keys if isinstance(k, ast.Constant)]
    return frozenset(map(str, keys)) if len(keys) == len(node.keys) else None


def _imports_text(mod: Module) -> bool:
    return any(
        isinstance(node, ast.ImportFrom)
        and node.module == "spbe_cli.messages"
        and any(a.name == "text" for a in node.names)
        for node in ast.walk(mod.tree)
    )


def sites(mod: Module) -> Iterator[Site]:
    """Every place in a module that names a message key."""
    text_is_ours = _imports_text(mod)
    for node in ast.walk(mod.tree):
        where = f"{mod.name}:{getattr(node, 'lineno', '?')}"
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.args:
            name, args = node.func.id, node.args
            if name == "text" and text_is_ours:
                yield Site(where, args[0], _keywords(node, 2))
            elif name == "_detail":  # model/rubric_file.py: a nested message
                yield Site(where, args[0], _keywords(node, 1))
            elif name == "InitFailure":
                params = _dict_keys(args[1]) if len(args) > 1 else frozenset()
                yield Site(where, args[0], params)
            elif name == "Problem":
                params = _dict_keys(args[2]) if len(args) > 2 else frozenset()
                has_params = len(args) > 2 or any(k.arg == "params" for k in node.keywords)
                yield Site(where, args[0], params if len(args) > 2 or not has_params else None)
        elif isinstance(node, ast.Dict):
            for k, v in zip(node.keys, node.values, strict=True):
                if isinstance(k, ast.Constant) and k.value == "catalogue":
                    others = ast.Dict([o for o in node.keys if o is not k], [])
                    yield Site(where, v, _dict_keys(others))


def placeholders(message_id: str) -> set[str]:
    """The parameters a message needs, in either language (none for a VERBATIM one)."""
    found: set[str] = set()
    if message_id in VERBATIM:
        return found
    for template in catalogue()[message_id]:
        found |= {name for _, name, _, _ in string.Formatter().parse(template) if name}
    return found


def check(site: Site, mod: Module) -> list[str]:
    """What is wrong with one site: an unknown key, a missing parameter, or an unreadable key."""
    try:
        keys = resolve(site.key, mod)
    except Unresolved as exc:
        return [f"{site.where}: cannot follow the key {exc}; {FOLLOW}"]
    except KeyError as exc:
        return [f"{site.where}: {exc.args[0]}"]
    errors = []
    for key in sorted(keys):
        if key not in catalogue():
            errors.append(f"{site.where}: {key!r} is not in the catalogue")
        elif site.params is not None and not placeholders(key) <= site.params:
            missing = ", ".join(sorted(placeholders(key) - site.params))
            errors.append(f"{site.where}: {key!r} needs the parameters {missing}")
        elif key in VERBATIM and site.params:
            errors.append(f"{site.where}: {key!r} is shown verbatim; give it no parameters")
    return errors


def test_every_key_named_in_the_source_is_in_the_catalogue() -> None:
    found = [
        (mod, site)
        for mod in modules()
        if not mod.name.startswith("messages/")  # the lookup itself names no key
        for site in sites(mod)
    ]
    assert len(found) > 250, len(found)  # the scan sees the sites (about 300 today)
    errors = [e for mod, site in found for e in check(site, mod)]
    assert not errors, "\n".join(errors)


def test_problem_codes_are_code_members_not_strings() -> None:
    """`Problem("SPBE1O3")` runs until a user meets that problem; `Code.SPBE1O3` does not."""
    bare = []
    for mod in modules():
        for call in mod.calls("Problem"):
            first = call.args[0] if call.args else call
            branches = [first.body, first.orelse] if isinstance(first, ast.IfExp) else [first]
            for b in branches:
                if not (isinstance(b, ast.Attribute) and ast.unparse(b.value) == "Code"):
                    bare.append(f"{mod.name}:{call.lineno}: {ast.unparse(call)}")
    assert not bare, "give the code as a Code member:\n" + "\n".join(bare)


def _template_keys(expr: Any) -> set[str]:
    """The keys a Jinja expression can be: a literal, `"prefix." ~ value`, or a known attribute."""
    from jinja2 import nodes

    if isinstance(expr, nodes.Const) and isinstance(expr.value, str):
        return {expr.value}
    if isinstance(expr, nodes.Concat):
        parts = [_template_keys(n) for n in expr.nodes]
        return {"".join(p) for p in itertools.product(*parts)}
    if isinstance(expr, nodes.CondExpr) and expr.expr2 is not None:
        return _template_keys(expr.expr1) | _template_keys(expr.expr2)
    if isinstance(expr, nodes.Getattr) and isinstance(expr.node, nodes.Name):
        return _opaque_values(f"{expr.node.name}.{expr.attr}")
    raise Unresolved(repr(expr))


def test_the_template_names_only_catalogue_keys() -> None:
    """The HTML report's `t(key, **params)`, read with Jinja's own parser."""
    jinja2 = pytest.importorskip("jinja2")
    tree = jinja2.Environment().parse(TEMPLATE.read_text(encoding="utf-8"))
    calls = [
        c
        for c in tree.find_all(jinja2.nodes.Call)
        if isinstance(c.node, jinja2.nodes.Name) and c.node.name == "t"
    ]
    assert len(calls) > 40, len(calls)
    errors = []
    for call in calls:
        try:
            keys = _template_keys(call.args[0])
        except Unresolved as exc:
            errors.append(f"line {call.lineno}: cannot follow the key {exc}; {FOLLOW}")
            continue
        given = None if call.dyn_kwargs else {k.key for k in call.kwargs}
        for key in sorted(keys):
            if key not in catalogue():
                errors.append(f"line {call.lineno}: {key!r} is not in the catalogue")
            elif given is not None and not placeholders(key) <= given:
                missing = sorted(placeholders(key) - given)
                errors.append(f"line {call.lineno}: {key!r} needs the parameters {missing}")
    assert not errors, "\n".join(errors)


PROBE = """
from spbe_cli.messages import text
from spbe_cli.model.codes import Code
from spbe_cli.model.problems import Problem

WORDS = ("name", "wieght")

def f(lang, ok, word):
    key = "diff.row.up" if ok else "diff.row.dwn"
    text(key, lang)
    for k in WORDS:
        text(k, lang)
    text("usage.number", lang, option="--fail-under")
    text(f"diff.pred.{word}", lang, old=1, new=2)
    text(f"diff.kind.{word}", lang)
    g(lang, "index.shrot")
    Problem(Code.SPBE1O3, ())
    Problem(Code.SPBE103, (), {"id": 12, "got": "2.5"})
    Problem(Code.SPBE601, (), {"got": 1})
    return {"catalogue": "rubric.band.nope", "name": "x"}

def g(lang, heading):
    return text(heading, lang)
"""


def test_the_scan_reports_each_kind_of_slip() -> None:
    """The scan itself: each slip in the probe above is reported once, and nothing else is."""
    mod = Module.parse("probe.py", PROBE)
    errors = sorted(e for site in sites(mod) for e in check(site, mod))
    assert errors == [
        "probe.py:10: 'diff.row.dwn' is not in the catalogue",
        "probe.py:12: 'wieght' is not in the catalogue",
        "probe.py:13: 'usage.number' needs the parameters value",
        f'probe.py:15: cannot follow the key f"diff.kind.{{}}"; {FOLLOW}',
        "probe.py:17: Code has no member SPBE1O3",
        "probe.py:18: 'SPBE103' needs the parameters example",
        "probe.py:19: 'SPBE601' is shown verbatim; give it no parameters",
        "probe.py:20: 'rubric.band.nope' is not in the catalogue",
        "probe.py:23: 'index.shrot' is not in the catalogue",
    ]


def _literal_keys(function: str, index: int | None, keyword: str) -> set[str]:
    keys: set[str] = set()
    for mod in modules():
        for call in mod.calls(function):
            given = [k.value for k in call.keywords if k.arg == keyword]
            if index is not None and index < len(call.args):
                given.append(call.args[index])
            keys |= {e.value for e in given if isinstance(e, ast.Constant)}
    return keys


def test_exit_path_keys_are_in_the_catalogue() -> None:
    """The keys handed to the exit path (usage_error, Stop) exist in both languages."""
    keys = _literal_keys("usage_error", 0, "message") | _literal_keys("Stop", None, "message")
    assert len(keys) > 15, keys
    missing = sorted(k for k in keys if k not in catalogue())
    assert not missing, missing


def _class_attribute_values(name: str) -> set[str]:
    """The literal values of `name = "..."` assignments in class bodies anywhere in src."""
    values: set[str] = set()
    for mod in modules():
        for node in ast.walk(mod.tree):
            if isinstance(node, ast.ClassDef):
                for item in node.body:
                    if (
                        isinstance(item, ast.Assign)
                        and any(isinstance(t, ast.Name) and t.id == name for t in item.targets)
                        and isinstance(item.value, ast.Constant)
                    ):
                        values.add(item.value.value)
    return values
