"""No two apps depend on each other: imports between apps point one way.

Every module of every app is parsed (imports inside functions included). Migrations
count, since they run in production; tests do not, since a test may set up data of
several apps (and the permission matrix walks them all) without the code depending on it.
"""

import ast
import pathlib
from collections import defaultdict

PACKAGE = pathlib.Path(__file__).resolve().parents[2]


def app_imports(package: pathlib.Path = PACKAGE) -> dict[str, dict[str, list[str]]]:
    """app -> imported app -> ["path:line", ...]"""
    apps = {p.name for p in package.iterdir() if (p / "apps.py").exists()}
    edges: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for path in sorted(package.rglob("*.py")):
        parts = path.relative_to(package).parts
        if parts[0] not in apps or "tests" in parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                names = [node.module]
            else:
                continue
            for name in names:
                dotted = name.split(".")
                if dotted[0] == package.name and len(dotted) > 1 and dotted[1] in apps:
                    if dotted[1] != parts[0]:
                        where = f"{path.relative_to(package.parent)}:{node.lineno}"
                        edges[parts[0]][dotted[1]].append(where)
    return edges


def cycles(edges) -> list[list[str]]:
    """One shortest cycle through each app that lies on one (breadth-first)."""
    found, seen = [], set()
    for start in sorted(edges):
        paths, visited = [[start]], {start}
        while paths:
            path = paths.pop(0)
            for target in sorted(edges[path[-1]]):
                if target == start:
                    cycle = path + [start]
                    key = frozenset(cycle)
                    if key not in seen:
                        seen.add(key)
                        found.append(cycle)
                    paths = []
                    break
                if target not in visited:
                    visited.add(target)
                    paths.append(path + [target])
    return found


def _describe(cycle, edges) -> str:
    lines = [" -> ".join(cycle)]
    for source, target in zip(cycle, cycle[1:], strict=False):
        lines.append(f"  {source} imports {target} at {', '.join(edges[source][target][:3])}")
    return "\n".join(lines)


def test_no_two_apps_import_each_other():
    edges = app_imports()
    found = cycles(edges)
    assert not found, "Apps that import each other:\n" + "\n".join(
        _describe(cycle, edges) for cycle in found)


def test_the_check_finds_a_cycle_and_its_imports():
    edges = {"a": {"b": ["a/x.py:1"]}, "b": {"c": ["b/y.py:2"]}, "c": {"a": ["c/z.py:3"]},
             "d": {"a": ["d/w.py:4"]}}
    assert cycles(edges) == [["a", "b", "c", "a"]]
    assert "c imports a at c/z.py:3" in _describe(["a", "b", "c", "a"], edges)


def test_it_sees_imports_inside_functions_and_skips_tests(tmp_path):
    package = tmp_path / "insatsportal"
    files = {
        "one/apps.py": "",
        "one/services.py": "def f():\n    from insatsportal.two.models import X\n",
        "two/apps.py": "",
        "two/models.py": "import insatsportal.one.services\n",
        "two/tests/test_x.py": "from insatsportal.three import y\n",
        "three/apps.py": "",
    }
    for name, text in files.items():
        (package / name).parent.mkdir(parents=True, exist_ok=True)
        (package / name).write_text(text)
    edges = app_imports(package)
    assert edges["one"]["two"] == ["insatsportal/one/services.py:2"]
    assert "three" not in edges["two"]
    assert cycles(edges) == [["one", "two", "one"]]
