"""User-visible strings of the room: the board on the projector and the chair's room screen, as key: (English, Vietnamese)."""

MESSAGES: dict[str, tuple[str, str]] = {
    # --- the board
    "board.progress": ("{decided} of {total} items decided", "Đã quyết định {decided}/{total} mục"),
    "board.position": ("Item {number}/{total}", "Mục {number}/{total}"),
    "board.voted": ("{voted} of {voters} have voted", "Đã bỏ phiếu: {voted}/{voters}"),
    "board.paper_counting": ("Paper ballots are being counted", "Đang kiểm phiếu giấy"),
    "board.waiting": ("Waiting for the meeting…", "Đang chờ phiên họp…"),
    "board.reconnecting": ("Connection lost: reconnecting…", "Mất kết nối: đang kết nối lại…"),
    "board.elsewhere": (
        "This board's link is not served now: the room serves another session. Open the link on the chair's room "
        "screen; this board comes back by itself if the room serves its session again.",
        "Đường dẫn của bảng này hiện không được phục vụ: phòng họp đang phục vụ phiên khác. Hãy mở đường dẫn trên "
        "màn hình phòng họp của Chủ tịch; bảng sẽ tự hiện lại khi phòng họp phục vụ lại phiên này.",
    ),
    # --- opening the room
    "room.error_address": (
        "The room cannot be served on {address}: it is not an address of this computer.",
        "Không thể mở phòng họp trên địa chỉ {address}: đây không phải địa chỉ của máy này.",
    ),
    "room.error_port": (
        "Port {port} on {address} is already used by another program (perhaps another council with its room "
        "open): close that program, then open the room again.",
        "Cổng {port} trên {address} đang được chương trình khác dùng (có thể là một council khác đang mở phòng "
        "họp): hãy đóng chương trình đó rồi mở lại phòng họp.",
    ),
    "room.error_start": (
        "The room's server did not start on {address}.",
        "Máy chủ phòng họp không khởi động được trên {address}.",
    ),
    # --- the chair's room screen
    "does.agenda.room": (
        "Serve the board for the projector on an address of this laptop, with its link and QR code",
        "Phát bảng chiếu cho máy chiếu trên một địa chỉ của máy này, kèm đường dẫn và mã QR",
    ),
    "does.room.open_room": ("Open the room on the chosen address", "Mở phòng họp trên địa chỉ đã chọn"),
    "does.room.close_room": (
        "Stop serving the board: every board's screen stops following",
        "Ngừng phát bảng chiếu: mọi bảng chiếu ngừng cập nhật",
    ),
    "does.room.back": ("Back to the agenda; the room stays open", "Quay lại chương trình; phòng họp vẫn mở"),
    "room.title": ("The room: a board for the projector", "Phòng họp: bảng chiếu cho máy chiếu"),
    "room.choose": (
        "Choose the address to serve on (this laptop only, or its Wi-Fi for another screen), then press enter:",
        "Chọn địa chỉ để phát (chỉ máy này, hoặc Wi-Fi của máy cho màn hình khác), rồi nhấn enter:",
    ),
    "room.loopback": ("{address} (this laptop only)", "{address} (chỉ máy này)"),
    "room.closed": ("The room is closed: no board is served.", "Phòng họp đang đóng: không phát bảng chiếu."),
    "room.open_on": (
        "The room is open on {address}. The board's link:",
        "Phòng họp đang mở trên {address}. Đường dẫn bảng chiếu:",
    ),
    "room.shows": (
        "Open it in a browser on the projector's computer, or scan the code. The board shows the item, the quorum "
        "and the poll; for a secret ballot or scoring only how many have voted. Without the link nothing is shown.",
        "Mở đường dẫn bằng trình duyệt trên máy nối máy chiếu, hoặc quét mã. Bảng chiếu hiển thị mục, số lượng và "
        "biểu quyết; với bỏ phiếu kín hay chấm điểm chỉ hiển thị số người đã bỏ phiếu. Không có đường dẫn thì không thấy gì.",
    ),
    "room.opened": ("The room is open: {url}", "Phòng họp đã mở: {url}"),
    "room.closed_now": ("The room is closed.", "Đã đóng phòng họp."),
    "room.palette": ("Room: projector board", "Phòng họp: bảng chiếu"),
    "cli.room_arg": (
        "open the room (the projector board) on ADDRESS as soon as the session is open (default: 127.0.0.1)",
        "mở phòng họp (bảng chiếu) trên ADDRESS ngay khi phiên họp mở (mặc định: 127.0.0.1)",
    ),
    "room.error_no_session": (
        "Open a session first: the room shows the session that is open.",
        "Hãy mở một phiên họp trước: phòng họp hiển thị phiên họp đang mở.",
    ),
}
