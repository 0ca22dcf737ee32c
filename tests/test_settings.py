"""Settings remembered between runs: created on the first change, read at start, a damaged file reported and kept."""

from __future__ import annotations

import asyncio
import os
from pathlib import Path

import pytest

from cli import main
from models.i18n import set_language, t
from sessions.settings import Settings, load_settings, remember, settings_path, to_toml
from tests.conftest import PLANNED
from tui.textual_private import shown_notices


@pytest.fixture
def config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "config"
    monkeypatch.setenv("COUNCIL_CONFIG_DIR", str(folder))
    return folder


def test_no_file_until_the_first_change_then_read_back(config: Path) -> None:
    assert load_settings().settings == Settings() and not settings_path().exists()
    remember(theme="light")
    assert settings_path() == config / "settings.toml"
    assert load_settings().settings == Settings(theme="light")
    remember(language="en", export_folder=Path("/tmp/biên bản"))
    loaded = load_settings()
    assert loaded.problem is None
    assert loaded.settings == Settings(language="en", theme="light", export_folder=Path("/tmp/biên bản"))


def test_a_folder_given_as_a_parameter(tmp_path: Path) -> None:
    remember(tmp_path / "elsewhere", language="vi")
    assert load_settings(tmp_path / "elsewhere").settings.language == "vi"


def test_nothing_changed_writes_nothing(config: Path) -> None:
    remember(theme="dark")
    before = settings_path().stat().st_mtime_ns
    os.utime(settings_path(), ns=(1, 1))
    remember(theme="dark")
    assert settings_path().stat().st_mtime_ns == 1 != before


def test_written_whole_through_a_temp_file(config: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import sessions.atomic

    written: list[Path] = []
    real = sessions.atomic.atomic_write
    monkeypatch.setattr(sessions.atomic, "atomic_write", lambda path, data: (written.append(path), real(path, data)))
    remember(theme="light")
    assert written == [settings_path()]
    assert not [p for p in config.iterdir() if p.name != "settings.toml"]  # no temp file left


@pytest.mark.parametrize(
    "path",
    ["C:\\Users\\Lan\\Hội đồng", 'a "quoted" name', "/home/lan/đợt 2"],
)
def test_any_folder_name_reads_back_as_written(config: Path, path: str) -> None:
    remember(data_folder=Path(path))
    assert load_settings().settings.data_folder == Path(path)


def test_a_damaged_file_is_reported_in_one_sentence_kept_and_replaced_by_defaults(config: Path) -> None:
    config.mkdir()
    settings_path().write_bytes(b'language = "en"\ntheme = [unclosed\n')
    for lang in ("en", "vi"):
        set_language(lang)
        settings_path().write_bytes(b'language = "en"\ntheme = [unclosed\n')
        loaded = load_settings()
        assert loaded.settings == Settings()
        said = str(loaded.problem)
        assert said.count(". ") == 0 and said.endswith(".") and str(settings_path()) in said
        assert said.startswith("The settings file" if lang == "en" else "Tệp thiết lập")
    kept = sorted(config.glob("settings-damaged-*.toml"))
    assert len(kept) == 2 and all(k.read_bytes().endswith(b"[unclosed\n") for k in kept)  # nothing lost
    assert load_settings().problem is None  # replaced: said once, not at every start


def test_a_value_council_does_not_know_loses_only_itself(config: Path) -> None:
    config.mkdir()
    settings_path().write_text(
        'language = "fr"\ntheme = "light"\ndata_folder = "/srv/hoi-dong"\nfuture_key = 1\n', encoding="utf-8"
    )
    set_language("en")
    loaded = load_settings()
    assert loaded.settings == Settings(theme="light", data_folder=Path("/srv/hoi-dong"))
    assert loaded.problem is not None and "(language)" in str(loaded.problem)
    assert load_settings() == type(loaded)(Settings(theme="light", data_folder=Path("/srv/hoi-dong")))


def test_not_utf8_is_damaged_too(config: Path) -> None:
    config.mkdir()
    settings_path().write_bytes(b'theme = "\xff"\n')
    assert load_settings().problem is not None
    assert load_settings().problem is None


def test_the_file_is_toml_any_reader_understands(config: Path) -> None:
    import tomllib

    text = to_toml(Settings(language="vi", data_folder=Path("C:\\Hội đồng"), theme="dark"))
    assert tomllib.loads(text) == {"language": "vi", "data_folder": "C:\\Hội đồng", "theme": "dark"}


# --- the command line: settings are defaults, a flag wins for one run
def test_remembered_language_is_used_and_a_flag_wins_for_one_run(
    config: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    remember(language="en")
    with pytest.raises(SystemExit):
        main(["--help"])
    assert "usage: council" in capsys.readouterr().out
    with pytest.raises(SystemExit):
        main(["--lang", "vi", "--help"])
    assert "cách dùng: council" in capsys.readouterr().out
    assert load_settings().settings.language == "en"  # the flag was for one run


def test_the_remembered_data_folder_is_the_default(config: Path, demo_dir: Path, capsys) -> None:
    remember(data_folder=demo_dir)
    assert main(["--lang", "en", "sessions"]) == 0
    assert PLANNED in capsys.readouterr().out


def test_a_damaged_file_is_said_on_standard_error_by_a_command(config: Path, tmp_path: Path, capsys) -> None:
    config.mkdir()
    settings_path().write_bytes(b"= nonsense")
    main(["--lang", "en", "sessions", "--data", str(tmp_path / "none")])
    err = capsys.readouterr().err
    assert "The settings file" in err and "Traceback" not in err


# --- the app: the palette changes the theme and the language, and they are written
def test_palette_theme_and_language_are_written_and_the_theme_read_at_start(config: Path, demo_dir: Path) -> None:
    from tui.app import CouncilApp

    set_language("en")

    async def run() -> tuple[str, str]:
        app = CouncilApp(demo_dir)
        async with app.run_test(size=(100, 30)) as pilot:
            before = app.theme
            await pilot.press("ctrl+p")
            await pilot.press(*t("theme.light"))
            await pilot.pause()
            await pilot.press("enter")
            await pilot.pause()
            after = app.theme
            await pilot.press("ctrl+p")
            await pilot.press(*"Tiếng Việt")
            await pilot.pause()
            await pilot.press("enter")
            await pilot.pause()
        return before, after

    before, after = asyncio.run(run())
    assert (before, after) == ("textual-dark", "council-light")
    assert load_settings().settings == Settings(language="vi", theme="light")

    async def again() -> str:
        app = CouncilApp(demo_dir)
        async with app.run_test(size=(100, 30)):
            return app.theme

    assert asyncio.run(again()) == "council-light"


def test_the_app_says_a_damaged_file_in_a_notice(config: Path, demo_dir: Path) -> None:
    from tui.app import CouncilApp

    config.mkdir()
    settings_path().write_bytes(b"theme = ")
    set_language("vi")

    async def run() -> list[str]:
        app = CouncilApp(demo_dir)
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            return [str(n.message) for n in shown_notices(app)]

    messages = asyncio.run(run())
    assert any(m.startswith("Tệp thiết lập") for m in messages), messages
