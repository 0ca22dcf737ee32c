"""User-visible strings of the room: the board on the projector and the chair's room screen, as key: (English, Vietnamese)."""

MESSAGES: dict[str, tuple[str, str]] = {
    # --- the board
    "board.progress": ("{decided} of {total} items decided", "Đã quyết định {decided}/{total} mục"),
    "board.position": ("Item {number}/{total}", "Mục {number}/{total}"),
    "board.poll_heading": ("Poll: {mode}", "Biểu quyết: {mode}"),
    "board.voted": ("{voted} of {voters} have voted", "Đã bỏ phiếu: {voted}/{voters}"),
    "board.paper_counting": ("Paper ballots are being counted", "Đang kiểm phiếu giấy"),
    "board.waiting": ("Waiting for the meeting…", "Đang chờ phiên họp…"),
    "board.reconnecting": ("Connection lost: reconnecting…", "Mất kết nối: đang kết nối lại…"),
    # --- opening the room
    "room.error_address": (
        "The room cannot be served on {address}: it is not an address of this computer.",
        "Không thể mở phòng họp trên địa chỉ {address}: đây không phải địa chỉ của máy này.",
    ),
    "room.error_port": (
        "Port {port} on {address} is already used by another program: close it, or choose another port.",
        "Cổng {port} trên {address} đang được chương trình khác dùng: hãy đóng chương trình đó hoặc chọn cổng khác.",
    ),
    "room.error_start": (
        "The room's server did not start on {address}.",
        "Máy chủ phòng họp không khởi động được trên {address}.",
    ),
}
