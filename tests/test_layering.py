"""The layers stay layers: imports point one way (tui, room → sessions → models), and front ends go through the service.

Read with ``ast`` from the source of every module, imports inside functions included, so an import made late for
start-up speed is checked like any other.
"""

from __future__ import annotations

import ast
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

WEB_FRAMEWORKS = frozenset(
    {"aiohttp", "bottle", "django", "falcon", "fastapi", "flask", "quart", "sanic", "starlette", "tornado", "uvicorn"}
)
# What each layer must never import (top-level package names).
FORBIDDEN: dict[str, frozenset[str]] = {
    "models": frozenset({"sessions", "tui", "room", "textual", "tinydb"}),
    "sessions": frozenset({"tui", "room", "textual"}) | WEB_FRAMEWORKS,
    "tui": frozenset({"tinydb"}),
    # The room's web server is a front end beside tui/: the session service is its way into a session.
    "room": frozenset({"tui", "textual", "tinydb"}),
}
# What of sessions/ the room may use: the service (and its change listeners) and the board's view of it.
ROOM_MAY_USE = frozenset(
    {"sessions.service", "sessions.board", "sessions.listeners", "sessions.devices", "sessions.member_page"}
)

# The front end's way into a session is the session service. These places in tui/ still reach past it (the
# reducer, the journal or the data folder) and are counted here: the list may only shrink. Fixing one? Lower or
# remove its count. Never add one: give the service the method the screen needs instead.
KNOWN_REACHES_PAST_THE_SERVICE: dict[str, int] = {
    "tui/app.py": 4,
    "tui/commands/decision.py": 3,
    "tui/commands/demo.py": 2,
    "tui/commands/import_.py": 2,
    "tui/commands/init.py": 2,
    "tui/commands/new_session.py": 2,
    "tui/commands/restore.py": 3,
    "tui/commands/rules.py": 2,
    "tui/commands/sessions.py": 2,
    "tui/commands/verify.py": 2,
}
SERVICE_INTERNALS = frozenset({"reducer", "journal"})


def modules(layer: str, root: Path = ROOT) -> list[Path]:
    return sorted((root / layer).rglob("*.py"))


def imported(path: Path, root: Path = ROOT) -> list[tuple[int, str]]:
    """Every module ``path`` imports, with its line, relative imports resolved to absolute names."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    package = path.relative_to(root).with_suffix("").parts[:-1]
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.extend((node.lineno, alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                name = ".".join([*base, node.module] if node.module else base)
            else:
                name = node.module or ""
            found.append((node.lineno, name))
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute | ast.Name)
            and getattr(node.func, "attr", getattr(node.func, "id", "")) == "import_module"
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            found.append((node.lineno, node.args[0].value))
    return sorted(found)


def wrong_way(layer: str, root: Path = ROOT) -> list[str]:
    forbidden = FORBIDDEN[layer]
    return [
        f"{path.relative_to(root).as_posix()}:{line} imports {name}"
        for path in modules(layer, root)
        for line, name in imported(path, root)
        if name.split(".")[0] in forbidden
    ]


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_no_import_runs_the_wrong_way(layer: str) -> None:
    assert modules(layer), f"no modules found in {layer}/"
    assert wrong_way(layer) == []


def test_the_check_sees_imports_inside_functions_and_relative_ones(tmp_path: Path) -> None:
    """The check itself can fail: a late import and a relative one are both found."""
    (tmp_path / "models" / "rules").mkdir(parents=True)
    sample = tmp_path / "models" / "rules" / "sample.py"
    sample.write_text("def late():\n    import textual.app\n\nfrom ...sessions import service\n", encoding="utf-8")
    assert wrong_way("models", tmp_path) == [
        "models/rules/sample.py:2 imports textual.app",
        "models/rules/sample.py:4 imports sessions",
    ]


def reaches_past_the_service(path: Path) -> list[int]:
    """Lines of ``path`` touching the reducer, the journal or the data folder rather than the service."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    lines = []
    for node in ast.walk(tree):
        if (
            (isinstance(node, ast.Attribute) and node.attr in SERVICE_INTERNALS | {"DataFolder"})
            or (isinstance(node, ast.Name) and node.id == "DataFolder")
            or (isinstance(node, ast.alias) and node.name.split(".")[-1] == "DataFolder")
        ):
            lines.append(node.lineno)
    return lines


def test_the_front_end_goes_through_the_session_service() -> None:
    found = Counter()
    for path in modules("tui"):
        if count := len(reaches_past_the_service(path)):
            found[path.relative_to(ROOT).as_posix()] = count
    new = {name: n for name, n in found.items() if n > KNOWN_REACHES_PAST_THE_SERVICE.get(name, 0)}
    assert new == {}, "tui/ reaches the reducer, the journal or DataFolder: add a session service method instead"
    fixed = {name: found.get(name, 0) for name, n in KNOWN_REACHES_PAST_THE_SERVICE.items() if found.get(name, 0) < n}
    assert fixed == {}, "fewer reaches past the service than listed: lower the counts in KNOWN_REACHES_PAST_THE_SERVICE"


def test_the_room_goes_through_the_session_service_only() -> None:
    """room/ never reaches the reducer, the journal or the data folder, nor any of sessions/ but the service's view."""
    reaching = {p.relative_to(ROOT).as_posix(): reaches_past_the_service(p) for p in modules("room")}
    assert {name: lines for name, lines in reaching.items() if lines} == {}
    used = [
        f"{path.relative_to(ROOT).as_posix()}:{line} imports {name}"
        for path in modules("room")
        for line, name in imported(path)
        if name.split(".")[0] == "sessions" and name not in ROOM_MAY_USE
    ]
    assert used == []
