"""The apps depend one way: the foundation, then the feature apps, then search, home, demo.

Read from the source with `ast`, so an import anywhere (at the top or inside a function)
counts. A failure names the file, the line and the import that broke the order.
"""

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# What each app may import of the project's other apps.
MAY_IMPORT = {
    "network_site": set(),
    "casestudies": {"network_site"},
    "toolkit": {"network_site"},
    "search": {"network_site"},
    "opendata": {"network_site", "casestudies", "toolkit", "search"},
    "home": {"network_site", "casestudies", "toolkit"},
    "api": {"network_site", "casestudies", "toolkit"},
    "demo": {"network_site", "casestudies", "toolkit", "search", "opendata", "home"},
}
GET_MODEL = re.compile(r"get_model\(\s*[\"'](\w+)[\"']")


def imported_apps(path):
    """(line, app, statement) for each import of a project app in a Python file."""
    tree = ast.parse(path.read_text(), str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        else:
            continue
        for name in names:
            app = name.split(".")[0]
            if app in MAY_IMPORT:
                yield node.lineno, app, ast.unparse(node)
    for match in GET_MODEL.finditer(path.read_text()):
        if match.group(1) in MAY_IMPORT:
            yield 0, match.group(1), match.group(0)


def deferred_imports(path):
    """(function, line, statement) for each import of a project module inside a function,
    unless the line above says why: a comment starting "# Deferred:"."""
    lines = path.read_text().splitlines()
    tree = ast.parse(path.read_text(), str(path))
    for function in ast.walk(tree):
        if not isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        for node in ast.walk(function):
            module = None
            if isinstance(node, ast.ImportFrom):
                module = "." if node.level else node.module
            elif isinstance(node, ast.Import):
                module = node.names[0].name
            if not module or not (module == "." or module.split(".")[0] in MAY_IMPORT):
                continue
            if not lines[node.lineno - 2].strip().startswith("# Deferred:"):
                yield function.name, node.lineno, ast.unparse(node)


def source_files(app):
    return sorted(path for path in (ROOT / app).rglob("*.py") if "migrations" not in path.parts)


@pytest.mark.parametrize("app", MAY_IMPORT)
def test_each_app_imports_only_the_apps_below_it(app):
    allowed = MAY_IMPORT[app] | {app}
    forbidden = [
        f"{path.relative_to(ROOT)}:{line}: {statement}"
        for path in source_files(app)
        for line, imported, statement in imported_apps(path)
        if imported not in allowed
    ]
    assert forbidden == [], f"{app} may import only {sorted(allowed)}"


def test_no_import_is_deferred_to_dodge_a_cycle():
    """Imports of the project's own modules sit at the top of the module; only an app's
    `ready()` imports inside a function (Django's documented place for signal wiring), or
    an import whose comment says why."""
    deferred = [
        f"{path.relative_to(ROOT)}:{line}: {statement}"
        for app in MAY_IMPORT
        for path in source_files(app)
        for function, line, statement in deferred_imports(path)
        if not (path.name == "apps.py" and function == "ready")
    ]
    assert deferred == []


def test_the_checker_sees_a_forbidden_import(tmp_path):
    """The check above would catch a feature app importing search, at any depth."""
    module = tmp_path / "listing.py"
    module.write_text("def results():\n    from search.service import get_search_service\n")
    assert [app for _, app, _ in imported_apps(module)] == ["search"]
    assert [line for _, line, _ in deferred_imports(module)] == [2]
