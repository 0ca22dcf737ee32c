"""Members' phones in the chair's app (Pilot): the roll shows each member's QR code and who is connected, a new
link stops the old one, and a vote sent from a phone appears on the chair's vote screen by itself."""

from __future__ import annotations

import asyncio

import httpx
import pytest

from tests.board_client import board
from tests.conftest import PLANNED
from tests.meeting import start_meeting
from tests.test_member_server import Phone
from tui.app import CouncilApp
from tui.screens.attendance import AttendanceScreen
from tui.screens.member_link import MemberLinkScreen
from tui.screens.vote import VoteScreen


def cell_text(table, row: str, column: str) -> str:
    return str(table.get_cell(row, column))


async def _the_roll_gives_links_and_phone_votes_reach_the_chair(demo_dir, clock):
    start_meeting(demo_dir, clock).close()
    app = CouncilApp(demo_dir, session_id=PLANNED, clock=clock, room="127.0.0.1")
    app.room_port = 0
    async with app.run_test(size=(140, 50)) as pilot:
        await app.workers.wait_for_complete()
        assert app.room.is_open
        await pilot.press("t")
        assert isinstance(app.screen, AttendanceScreen)
        await pilot.press("2")  # seat 2: Trần Thị Mai
        await pilot.press("q")
        assert isinstance(app.screen, MemberLinkScreen)
        devices = app.member_devices()
        first = devices.shown_token("m2")
        assert first is not None
        shown = str(app.screen.query_one("#member-link-text").render()).replace("\n", "")
        assert app.room.member_url(first) in shown
        assert "█" in str(app.screen.query_one("#member-link-qr").render())
        await pilot.press("r")  # a lost phone: a new link
        second = devices.shown_token("m2")
        assert second != first and devices.member_for(first) is None and devices.member_for(second) == "m2"
        await pilot.press("escape")
        assert isinstance(app.screen, AttendanceScreen)
        table = app.screen.query_one("#members")
        assert "đã cấp" in cell_text(table, "m2", "phone")
        url = app.room.member_url(second)
        async with httpx.AsyncClient() as client, board(client, url) as stream:
            await stream.next()
            await pilot.pause(0.2)
            assert "đang kết nối" in cell_text(app.screen.query_one("#members"), "m2", "phone")
            await pilot.press("escape", "v")
            await pilot.pause()
            await pilot.press("enter")  # the first mode: open vote
            await pilot.pause()
            assert isinstance(app.screen, VoteScreen)
            poll = app.service.record.open_poll()
            phone = Phone(client, url)
            await phone.load()
            answer = await phone.post("vote", {"poll_id": poll.id, "choice": "no"})
            assert answer.status_code == 200
            await pilot.pause(0.2)
            assert "Không đồng ý" in cell_text(app.screen.query_one("#voters"), "m2", "vote")


def test_the_roll_gives_links_and_phone_votes_reach_the_chair(demo_dir, clock):
    asyncio.run(_the_roll_gives_links_and_phone_votes_reach_the_chair(demo_dir, clock))


def test_the_sheet_of_cards_has_one_qr_code_per_member():
    from sessions.export.member_cards import Card, member_cards_pdf

    cards = [Card(i, f"Thành viên {i}", "Ủy viên", f"http://192.168.137.1:8470/m/{'A' * 31}{i}") for i in range(1, 10)]
    pdf = member_cards_pdf("Hội đồng sáng kiến", "Phiên họp", cards)
    assert pdf.startswith(b"%PDF")
    assert pdf.count(b"/Subtype /Image") == 9  # nine members, nine QR codes (eight to a page)


async def _p_on_the_room_screen_prints_the_cards(demo_dir, clock, tmp_path):
    start_meeting(demo_dir, clock).close()
    app = CouncilApp(demo_dir, session_id=PLANNED, clock=clock, room="127.0.0.1", export_dir=tmp_path)
    app.room_port = 0
    async with app.run_test(size=(140, 50)) as pilot:
        await app.workers.wait_for_complete()
        app.show_room()
        await pilot.pause()
        await pilot.press("p")
        await pilot.pause()
        cards = tmp_path / f"{PLANNED}-member-cards.pdf"
        assert cards.read_bytes().count(b"/Subtype /Image") == len(app.service.record.members)
        devices = app.member_devices()
        assert all(devices.member_for(devices.shown_token(m.id)) == m.id for m in app.service.record.members)
        await pilot.press("p")  # again: the links change, so the chair is asked first
        await pilot.pause()
        assert "ConfirmScreen" in type(app.screen).__name__


def test_p_on_the_room_screen_prints_the_cards(demo_dir, clock, tmp_path):
    asyncio.run(_p_on_the_room_screen_prints_the_cards(demo_dir, clock, tmp_path))


async def _s_on_the_room_screen_serves_https_and_shows_the_fingerprint(demo_dir, clock):
    start_meeting(demo_dir, clock).close()
    app = CouncilApp(demo_dir, session_id=PLANNED, clock=clock)
    app.room_port = 0
    async with app.run_test(size=(140, 50)) as pilot:
        app.show_room()
        await pilot.pause()
        await pilot.press("s")
        assert "HTTPS: bật" in str(app.screen.query_one("#room-state").render())
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.room.board_url.startswith("https://")
        state = str(app.screen.query_one("#room-state").render()).replace("\n", "")
        assert app.room.certificate.fingerprint[:20] in state
        await app.room.close()


def test_s_on_the_room_screen_serves_https_and_shows_the_fingerprint(demo_dir, clock):
    asyncio.run(_s_on_the_room_screen_serves_https_and_shows_the_fingerprint(demo_dir, clock))


async def _the_link_and_its_warning_are_on_screen_beside_the_qr_code(demo_dir, clock, size):
    start_meeting(demo_dir, clock).close()
    app = CouncilApp(demo_dir, session_id=PLANNED, clock=clock, room="127.0.0.1")
    app.room_port = 0
    async with app.run_test(size=size) as pilot:
        await app.workers.wait_for_complete()
        await pilot.press("t", "2", "q")
        await pilot.pause()
        assert isinstance(app.screen, MemberLinkScreen)
        dialog = app.screen.query_one("#member-link").content_region
        qr = app.screen.query_one("#member-link-qr").region
        text = app.screen.query_one("#member-link-text").region
        # The QR code took the whole width and pushed the link, the keys and "the earlier link no longer
        # works" past the dialog's right edge: the chair saw only the code.
        assert dialog.contains_region(qr), (qr, dialog)
        assert dialog.contains_region(text) and text.width >= 20, (text, dialog)
        assert app.screen.region.contains_region(app.screen.query_one("#member-link").region)  # whole at 80×24


@pytest.mark.parametrize("size", [(80, 24), (140, 50)])
def test_the_link_and_its_warning_are_on_screen_beside_the_qr_code(demo_dir, clock, size):
    asyncio.run(_the_link_and_its_warning_are_on_screen_beside_the_qr_code(demo_dir, clock, size))
