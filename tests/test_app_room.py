"""The room's keys in the chair's app (Pilot): o on the agenda opens the room screen, enter serves the board
on the chosen address, c closes it; leaving the session or `council app --room` open and close it too."""

from __future__ import annotations

import asyncio

import httpx
import pytest

from tests.board_client import board
from tests.conftest import PLANNED
from tui.app import CouncilApp
from tui.screens.agenda import AgendaScreen
from tui.screens.room import RoomScreen


def app_on(data, clock, **kwargs) -> CouncilApp:
    app = CouncilApp(data, session_id=PLANNED, clock=clock, **kwargs)
    app.room_port = 0  # any free port: tests run side by side
    return app


async def _o_opens_the_room_enter_serves_the_board_c_closes_it(demo_dir, clock):
    app = app_on(demo_dir, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        assert isinstance(app.screen, AgendaScreen)
        await pilot.press("o")
        assert isinstance(app.screen, RoomScreen)
        assert "127.0.0.1" in str(app.screen.query_one("#room-addresses").get_option_at_index(0).prompt)
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        url = app.room.board_url
        assert url.startswith("http://127.0.0.1:")
        state = str(app.screen.query_one("#room-state").render())
        assert url in state.replace("\n", "")
        assert "█" in str(app.screen.query_one("#room-qr").render())  # the QR code of the link
        async with httpx.AsyncClient() as client:
            async with board(client, url) as stream:
                first = await stream.next()
                assert first.view["session"] == app.service.record.session.title
            await pilot.press("c")
            assert not app.room.is_open
            assert "đang đóng" in str(app.screen.query_one("#room-state").render())
            await app.room.close()
            with pytest.raises(httpx.ConnectError):
                await client.get(url)
        await pilot.press("escape")
        assert isinstance(app.screen, AgendaScreen)


async def _the_board_follows_a_key_pressed_in_the_app(demo_dir, clock):
    app = app_on(demo_dir, clock, room="127.0.0.1")
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        assert app.room is not None and app.room.is_open  # `council app --room`
        async with httpx.AsyncClient() as client, board(client, app.room.board_url) as stream:
            assert (await stream.next()).view["item"]["position"].startswith("Mục 1/")
            await pilot.press("n")  # next item, as the chair does
            event = await stream.until(lambda v: v["item"]["position"].startswith("Mục 2/"))
            assert event.number >= 2
            await pilot.press("escape")  # leaving the session closes its room
            with pytest.raises(EOFError):
                await stream.until(lambda v: False)
        assert not app.room.is_open


async def _the_palette_offers_the_room_on_other_screens(demo_dir, clock):
    app = app_on(demo_dir, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("t")  # attendance: no room key of its own
        names = [c.title for c in app.get_system_commands(app.screen)]
        assert "Phòng họp: bảng chiếu" in names
        agenda_names = [c.title for c in app.get_system_commands(app.screen_stack[-2])]
        assert "Phòng họp: bảng chiếu" not in agenda_names  # the agenda's own key o is in its palette already


def test_o_opens_the_room_enter_serves_the_board_c_closes_it(demo_dir, clock):
    asyncio.run(_o_opens_the_room_enter_serves_the_board_c_closes_it(demo_dir, clock))


def test_the_board_follows_a_key_pressed_in_the_app(demo_dir, clock):
    asyncio.run(_the_board_follows_a_key_pressed_in_the_app(demo_dir, clock))


def test_the_palette_offers_the_room_on_other_screens(demo_dir, clock):
    asyncio.run(_the_palette_offers_the_room_on_other_screens(demo_dir, clock))


async def _quitting_the_app_stops_serving(demo_dir, clock):
    app = app_on(demo_dir, clock, room="127.0.0.1")
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        url = app.room.board_url
        async with httpx.AsyncClient() as client:
            assert (await client.get(url)).status_code == 200
        await pilot.press("ctrl+q")
    async with httpx.AsyncClient() as client:
        with pytest.raises(httpx.ConnectError):
            await client.get(url)


def test_quitting_the_app_stops_serving(demo_dir, clock):
    asyncio.run(_quitting_the_app_stops_serving(demo_dir, clock))
