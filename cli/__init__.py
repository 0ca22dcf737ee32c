"""The `council` command: opens the app, or runs a subcommand. No traceback ever reaches a user.

Every other module of this package is one subcommand: each has ``add_parser(subparsers)`` and ``run(args) -> int``
(modules whose name starts with ``_`` are their shared helpers).
"""

from __future__ import annotations

import argparse
import gc
import importlib
import os
import pkgutil
import sys
from pathlib import Path

from models.errors import DomainError
from models.i18n import language_from_locale, set_language, t
from tui.errors import log_unexpected

# Every module in cli/ is a subcommand; these come first in --help, the rest alphabetically.
FIRST_COMMANDS = ["app", "demo", "sessions", "export", "verify"]


def command_names() -> list[str]:
    found = sorted(m.name for m in pkgutil.iter_modules(__path__) if not m.name.startswith("_"))
    return [n for n in FIRST_COMMANDS if n in found] + [n for n in found if n not in FIRST_COMMANDS]


def default_data_dir() -> Path:
    from platformdirs import user_data_dir  # not needed when --data names the folder

    return Path(user_data_dir("council", appauthor=False))


def detect_language(environ: dict[str, str] | None = None) -> str:
    """vi_* locales give Vietnamese; anything else English."""
    env = os.environ if environ is None else environ
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        if env.get(name):
            return language_from_locale(env[name])
    return "en"


def _pre_language(argv: list[str], remembered: str | None = None) -> str:
    """--lang for this run, else the language chosen in the app (settings), else the locale's."""
    for index, arg in enumerate(argv):
        if arg == "--lang" and index + 1 < len(argv) and argv[index + 1] in ("vi", "en"):
            return argv[index + 1]
        if arg.startswith("--lang=") and arg.split("=", 1)[1] in ("vi", "en"):
            return arg.split("=", 1)[1]
    return remembered or detect_language()


def add_common(parser: argparse.ArgumentParser) -> None:
    # SUPPRESS: a subcommand's unset option must not wipe the value given before it (`council --data D sessions`).
    parser.add_argument("--data", type=Path, default=argparse.SUPPRESS, help=t("cli.data_help"))
    parser.add_argument("--lang", choices=["vi", "en"], default=argparse.SUPPRESS, help=t("cli.lang_help"))


def _argparse_text(message: str) -> str:
    """argparse's own words in the language in force, through the catalogue (its id when not listed)."""
    from models.i18n.argparse_words import ARGPARSE_KEYS

    key = ARGPARSE_KEYS.get(message)
    return t(key) if key else message


def _argparse_plural(singular: str, plural: str, count: int) -> str:
    return _argparse_text(singular if count == 1 else plural)


def translate_argparse() -> None:
    """Make argparse say "usage", "invalid choice", "required"... in the language in force.

    argparse looks every message up through its module's gettext functions when it builds a parser or
    reports an error; pointing them at the catalogue is the one way to reach them all.
    """
    argparse._ = _argparse_text  # type: ignore[attr-defined]
    argparse.ngettext = _argparse_plural  # type: ignore[attr-defined]


class _VersionAction(argparse.Action):
    """`council --version`: the build is looked up only when asked, so the app's start loads no session module."""

    def __init__(self, option_strings: list[str], dest: str = argparse.SUPPRESS, **kwargs: object) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, help=t("argparse.version"))

    def __call__(self, parser: argparse.ArgumentParser, *args: object) -> None:
        print(f"council {council_version()}")
        parser.exit()


def council_version() -> str:
    """The installed package's version (sessions.build), for `council --version` and the tests."""
    from sessions.build import council_version as installed

    return installed()


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The `council` parser, with every subcommand or ``only`` the one named."""
    translate_argparse()
    parser = argparse.ArgumentParser(prog="council", description=t("cli.description"))
    parser.add_argument("--version", action=_VersionAction)
    add_common(parser)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in command_names():
        if only is None or name == only:
            module = importlib.import_module(f"cli.{name}")
            module.add_parser(sub, add_common)
    return parser


def command_asked(argv: list[str]) -> str | None:
    """The module of the one command ``argv`` runs ("app" when none is named); None for help or an unknown word.

    A person waits on every command, and most need only their own code: the parser is built with
    that command alone, so that `council` does not import every other command's importers and
    renderers first. Help, and a word that is no command, get the whole parser and its messages.
    """
    if any(arg in ("-h", "--help") for arg in argv):
        return None
    words = iter(argv)
    for word in words:
        if word in ("--data", "--lang"):
            next(words, None)  # the option's value, which may be any word
        elif not word.startswith("-"):
            # Command words are module names with dashes, without a trailing "_" ("new-session", "import").
            modules = {name.rstrip("_").replace("_", "-"): name for name in command_names()}
            return modules.get(word)
    return "app"


PIPE_CLOSED = 141
"""The exit code of a program whose reader went away (128 + SIGPIPE), as `yes | head` gives."""


def _pipe_closed() -> int:
    """The reader of our output left (`council rules | head -c 10`): end quietly, as Unix tools do.

    What was asked was done; only its report could not be read. Later writes (Python's own flush
    at exit) go to /dev/null so that no "Exception ignored" or error log follows.
    """
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass  # an in-memory stdout (tests) has no descriptor to replace
    return PIPE_CLOSED


def main(argv: list[str] | None = None) -> int:
    """Entry point of the `council` console script."""
    argv = list(sys.argv[1:] if argv is None else argv)
    from sessions.platform import utf8_output  # (not at import: the app's start loads no sessions module early)

    utf8_output()  # a Windows pipe or file would otherwise refuse every Vietnamese letter
    # council uses no pydantic plugins; looking for them reads every installed package's metadata as the
    # first model is built, on every start. A plugin named in the environment is still honoured.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    asked = command_asked(argv)
    if asked == "app":
        # Starting the app builds tens of thousands of objects that live as long as it does (Textual's
        # styles, pydantic's validators, the session): collecting them again and again is a large part
        # of the time to the first frame. The app freezes them and collects again once it is up.
        gc.disable()
    try:
        code = _run(argv, asked)
        sys.stdout.flush()  # here, where a closed pipe can still be told apart from a failure
        return code
    except BrokenPipeError:
        return _pipe_closed()
    finally:
        gc.enable()


def _run(argv: list[str], asked: str | None) -> int:
    from sessions.settings import load_settings

    loaded = load_settings()
    set_language(_pre_language(argv, loaded.settings.language))
    parser = build_parser(only=asked)
    args = parser.parse_args(argv)
    args.data_given = getattr(args, "data", None) is not None
    if not args.data_given:
        remembered = loaded.settings.data_folder  # the folder the app last opened, while it is there
        args.data = remembered if remembered is not None and remembered.is_dir() else default_data_dir()
    args.lang = getattr(args, "lang", None)
    args.settings = loaded
    command = args.command or "app"
    if loaded.problem and command != "app":
        print(str(loaded.problem), file=sys.stderr)  # (the app says it in a notice)
    try:
        module = importlib.import_module(f"cli.{command}")
        return int(module.run(args) or 0)
    except DomainError as error:
        print(str(error), file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        raise  # not a failure: main() ends quietly
    except Exception:
        path = log_unexpected()
        print(t("cli.unexpected", path=str(path) if path else "-"), file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
