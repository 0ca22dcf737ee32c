"""The layers stay layers: imports point one way (cli, tui, room → sessions → models); front ends use the service.

Read with ``ast`` from the source of every module, imports inside functions included, so an import made late for
start-up speed is checked like any other.
"""

from __future__ import annotations

import ast
import inspect
from pathlib import Path

import pytest

from sessions.council_service import CouncilService

ROOT = Path(__file__).resolve().parent.parent

WEB_FRAMEWORKS = frozenset(
    {"aiohttp", "bottle", "django", "falcon", "fastapi", "flask", "quart", "sanic", "starlette", "tornado", "uvicorn"}
)
# What each layer must never import (top-level package names).
FORBIDDEN: dict[str, frozenset[str]] = {
    "models": frozenset({"sessions", "tui", "room", "textual", "tinydb"}),
    "sessions": frozenset({"tui", "room", "textual"}) | WEB_FRAMEWORKS,
    "tui": frozenset({"tinydb"}),
    # The `council` command is a front end too: its subcommands open the app (tui/) or call the services.
    "cli": frozenset({"room", "tinydb"}),
    # The room's web server is a front end beside tui/: the session service is its way into a session.
    "room": frozenset({"tui", "textual", "tinydb"}),
}
# What of sessions/ the room may use: the service (and its change listeners) and the board's view of it.
ROOM_MAY_USE = frozenset(
    {"sessions.service", "sessions.board", "sessions.listeners", "sessions.devices", "sessions.member_page"}
    | {"sessions.platform"}  # where Windows differs (the certificate's file): no session data in it
)

# The front end's way into a session is the session service, and into the council's folder the council service
# (sessions/council_service.py): never the reducer, the journal, the data folder or the service's own steps.
PAST_THE_SERVICE_MODULES = frozenset({"sessions.storage", "sessions.journal", "sessions.reducer", "sessions.tinystore"})
PAST_THE_SERVICE_NAMES = frozenset({"DataFolder", "Reducer", "Journal", "LoadReport"})
SERVICE_INTERNALS = frozenset({"reducer", "journal", "report", "_reducer", "_folder", "_commit", "_first_frame"})


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


def reaches_past_the_service(path: Path, root: Path = ROOT) -> list[str]:
    """What ``path`` touches past the services: the reducer, the journal, the data folder, a service's internals."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    name = path.relative_to(root).as_posix()
    found = [
        f"{name}:{line} imports {module}" for line, module in imported(path, root) if module in PAST_THE_SERVICE_MODULES
    ]
    for node in ast.walk(tree):
        what = ""
        if isinstance(node, ast.Attribute) and node.attr in SERVICE_INTERNALS:
            what = f".{node.attr}"
        elif isinstance(node, ast.Attribute) and node.attr == "folder" and ast.unparse(node.value).endswith("service"):
            what = ".folder of a service"
        elif isinstance(node, ast.Attribute) and node.attr in PAST_THE_SERVICE_NAMES:
            what = node.attr
        elif isinstance(node, ast.Name) and node.id in PAST_THE_SERVICE_NAMES:
            what = node.id
        elif isinstance(node, ast.alias) and node.name.split(".")[-1] in PAST_THE_SERVICE_NAMES:
            what = node.name
        if what:
            found.append(f"{name}:{node.lineno} {what}")
    return sorted(set(found))


def test_the_front_end_goes_through_the_services() -> None:
    found = [reach for layer in ("tui", "cli") for path in modules(layer) for reach in reaches_past_the_service(path)]
    assert found == [], (
        "tui/ or cli/ reaches past the services: give the session or council service the method it needs"
    )


def test_the_reach_check_can_fail(tmp_path: Path) -> None:
    """Each way of reaching past the service is found: an import, a name, an internal, a service's folder."""
    (tmp_path / "tui").mkdir()
    sample = tmp_path / "tui" / "sample.py"
    sample.write_text(
        "from sessions.storage import DataFolder\n"
        "def f(app):\n"
        "    app.service.reducer.apply()\n"
        "    app.service._commit('x', {})\n"
        "    return DataFolder(app.service.folder.root), app.service.report\n",
        encoding="utf-8",
    )
    assert reaches_past_the_service(sample, tmp_path) == [
        "tui/sample.py:1 DataFolder",
        "tui/sample.py:1 imports sessions.storage",
        "tui/sample.py:3 .reducer",
        "tui/sample.py:4 ._commit",
        "tui/sample.py:5 .folder of a service",
        "tui/sample.py:5 .report",
        "tui/sample.py:5 DataFolder",
    ]


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


def assigned_attributes(cls: type) -> set[str]:
    """The attributes ``cls``'s methods set on ``self`` (what ``dir`` of the class cannot show)."""
    path = Path(inspect.getfile(cls))
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(next(n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == cls.__name__)):
        if isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store) and ast.unparse(node.value) == "self":
            found.add(node.attr)
    return found


def public_names(cls: type) -> set[str]:
    return {name for name in set(dir(cls)) | assigned_attributes(cls) if not name.startswith("_")}


def used_on(layer: str, owner: str, skip: str = "") -> dict[str, list[str]]:
    """Every attribute the modules of ``layer`` use on an expression ending with ``owner`` (e.g. ``service``)."""
    used: dict[str, list[str]] = {}
    for path in modules(layer):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute):
                value = ast.unparse(node.value)
                if value.split(".")[-1] == owner and not (skip and value.endswith(skip)):
                    used.setdefault(node.attr, []).append(f"{path.relative_to(ROOT).as_posix()}:{node.lineno}")
    return used


@pytest.mark.parametrize("layer", ["tui", "room"])
def test_the_front_ends_use_only_the_session_services_public_names(layer: str) -> None:
    """The service's steps are private: a front end calls its public methods and parts (``booth``) only."""
    from sessions.booth import Booth
    from sessions.service import SessionService

    service = public_names(SessionService)
    wrong = {
        name: where
        for name, where in used_on(layer, "service", skip="council_service").items()
        if name not in service and name not in public_names(CouncilService)
    }
    assert wrong == {}
    booth = public_names(Booth)
    assert {name: where for name, where in used_on(layer, "booth").items() if name not in booth} == {}
