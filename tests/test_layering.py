"""Imports flow one way: a module imports only from its own layer or the layers below it.

Read from the source with ``ast`` (module-level and function-level imports
alike, since an import inside a function is how a cycle hides), so the test
needs nothing imported. See docs/decisions/0006-layers-and-the-one-way-rule.md.
"""
from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "tracker"

#: Bottom to top. A module belongs to the first entry that is it or a package holding it.
LAYERS: tuple[tuple[str, ...], ...] = (
    ("tracker.errors", "tracker.files", "tracker.model", "tracker.cues", "tracker.numbering", "tracker.words",
     "tracker.parallel", "tracker.characters"),
    ("tracker.readers",),
    ("tracker.clean", "tracker.metadata"),
    ("tracker.segment",),
    ("tracker.canonical", "tracker.jsonio"),
    ("tracker.extract",),
    ("tracker.normalise", "tracker.align"),
    ("tracker.compare",),
    ("tracker.render",),
    ("tracker.store",),
    ("tracker.pipeline",),
    ("tracker.api", "tracker.check", "tracker.reporting", "tracker.demo", "tracker.corpus", "tracker.manifest", "tracker.history",
     "tracker"),
    ("tracker.cli", "tracker.__main__"),
)


def module_name(path: Path, root: Path) -> str:
    parts = list(path.relative_to(root.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def modules(root: Path) -> dict[str, Path]:
    return {module_name(p, root): p for p in sorted(root.rglob("*.py"))}


def layer_of(name: str) -> int:
    best = None
    for index, members in enumerate(LAYERS):
        for member in members:
            if name == member or (member != "tracker" and name.startswith(member + ".")):  # the package's own __init__ only
                if best is None or len(member) > best[1]:
                    best = (index, len(member))
    assert best is not None, f"{name} is in no layer: add it to LAYERS in tests/test_layering.py"
    return best[0]


def imports(name: str, path: Path, known: dict[str, Path]) -> list[tuple[str, int]]:
    """(imported tracker module, line) for every import statement in the file, wherever it stands."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    typing_only = {id(n) for block in ast.walk(tree) if _is_type_checking(block) for n in ast.walk(block)}
    found = []
    for node in ast.walk(tree):
        if id(node) in typing_only:
            continue  # ``if TYPE_CHECKING:`` names a type for annotations; nothing is imported when the code runs
        if isinstance(node, ast.Import):
            found += [(alias.name, node.lineno) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                base = ".".join(anchor + ([base] if base else []))
            for alias in node.names:
                target = f"{base}.{alias.name}"
                found.append((target if target in known else base, node.lineno))
    return [(target, line) for target, line in found if target == "tracker" or target.startswith("tracker.")]


def _is_type_checking(node: ast.AST) -> bool:
    return isinstance(node, ast.If) and isinstance(node.test, (ast.Name, ast.Attribute)) and (
        getattr(node.test, "id", None) == "TYPE_CHECKING" or getattr(node.test, "attr", None) == "TYPE_CHECKING")


def edges(root: Path = PACKAGE) -> list[tuple[str, str, int]]:
    known = modules(root)
    return [(name, target, line) for name, path in known.items() for target, line in imports(name, path, known)
            if target != name]


def upward_imports(root: Path = PACKAGE) -> list[str]:
    return [f"{name} (layer {layer_of(name)}) imports {target} (layer {layer_of(target)}) at line {line}"
            for name, target, line in edges(root) if layer_of(target) > layer_of(name)]


def cycles(root: Path = PACKAGE) -> list[list[str]]:
    """Every cycle of the module import graph (one representative each), found by depth-first search."""
    graph: dict[str, set[str]] = {}
    for name, target, _ in edges(root):
        if not name.startswith(target + "."):  # a module importing its own package's __init__ is no cycle
            graph.setdefault(name, set()).add(target)
    found, state = [], {}

    def visit(node, stack):
        state[node] = "open"
        stack.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == "open":
                found.append(stack[stack.index(nxt):] + [nxt])
            elif nxt not in state:
                visit(nxt, stack)
        stack.pop()
        state[node] = "done"

    for node in sorted(graph):
        if node not in state:
            visit(node, [])
    return found


def test_every_module_has_a_layer():
    for name in modules(PACKAGE):
        layer_of(name)


def test_no_module_imports_a_higher_layer():
    assert upward_imports() == []


def test_the_import_graph_has_no_cycle():
    assert cycles() == []


def test_only_the_pipeline_and_what_sits_above_it_import_the_pipeline():
    above = {name for name in modules(PACKAGE) if layer_of(name) > layer_of("tracker.pipeline")}
    importers = {name for name, target, _ in edges() if target == "tracker.pipeline"}
    assert importers <= above


def test_the_rule_catches_a_stage_that_reaches_back_up(tmp_path):
    """The check itself can fail: compare calling back into the api (the old cycle) is reported."""
    root = tmp_path / "tracker"
    root.mkdir()
    (root / "__init__.py").write_text("")
    (root / "api.py").write_text("from tracker.compare import diff_documents\n")
    (root / "compare.py").write_text("def f():\n    from tracker.api import extract_targets\n")
    assert upward_imports(root) == ["tracker.compare (layer 7) imports tracker.api (layer 11) at line 2"]
    assert cycles(root) == [["tracker.api", "tracker.compare", "tracker.api"]]
