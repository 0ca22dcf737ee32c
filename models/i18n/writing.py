"""User-visible strings of who may write where: reports outside data folders, one writer per session."""

MESSAGES: dict[str, tuple[str, str]] = {
    # --- reports (sessions/report_file.py)
    "error.export_into_data": (
        "{path} is inside the council data folder {folder}: reports are never written there, so that no data file can be replaced. Choose a file in another folder.",
        "{path} nằm trong thư mục dữ liệu của hội đồng {folder}: không ghi báo cáo vào đó để không tệp dữ liệu nào bị thay thế. Hãy chọn tệp ở thư mục khác.",
    ),
    "error.export_into_session": (
        "{path} is inside the session folder {folder}: reports are never written there, so that no data file can be replaced. Choose a file in another folder.",
        "{path} nằm trong thư mục của phiên họp {folder}: không ghi báo cáo vào đó để không tệp dữ liệu nào bị thay thế. Hãy chọn tệp ở thư mục khác.",
    ),
    "error.report_wrong_suffix": (
        "{path} ends in .{suffix}, but this report is written as .{extension}: name the file .{extension}, or choose the format its name says.",
        "{path} có đuôi .{suffix}, nhưng báo cáo này được ghi dạng .{extension}: hãy đặt tên tệp đuôi .{extension}, hoặc chọn định dạng đúng với tên tệp.",
    ),
    "error.report_is_folder": (
        "{path} is a folder; give the name of the file to write.",
        "{path} là một thư mục; hãy nhập tên tệp cần ghi.",
    ),
    # --- a file another program holds open (Windows: an antivirus or indexer; sessions/platform.py)
    "error.file_busy": (
        "Could not replace {path}: another program (often an antivirus or the search indexer) kept it open for more than a second. Nothing was recorded and the file is unchanged; try again, and if it happens again, exclude the council data folder from the antivirus scan.",
        "Không thay được tệp {path}: một chương trình khác (thường là phần mềm diệt virus hoặc công cụ lập chỉ mục tìm kiếm) giữ tệp mở hơn một giây. Chưa có gì được ghi nhận và tệp không bị thay đổi; hãy thử lại, nếu vẫn gặp thì loại thư mục dữ liệu của hội đồng khỏi phạm vi quét của phần mềm diệt virus.",
    ),
    # --- one writer per session (sessions/lock.py, sessions/journal.py)
    "error.lock_lost": (
        "Another program has taken over this session: its lock file {path} was removed or replaced. So that nothing is lost, this program has stopped writing and the session is read-only here; everything shown as recorded until now is in the journal. Close the session here and run it from one program only.",
        "Một chương trình khác đã tiếp quản phiên họp này: tệp khóa {path} đã bị xóa hoặc thay thế. Để không mất dữ liệu, chương trình này đã ngừng ghi và phiên họp ở đây chỉ còn để xem; mọi thay đổi đã được báo là ghi nhận đến giờ đều có trong nhật ký. Hãy đóng phiên họp ở đây và chỉ điều hành từ một chương trình.",
    ),
    "error.journal_changed": (
        "The journal {path} was changed by another program while this one was running the session. So that nothing is lost, this program has stopped writing and the session is read-only here; nothing was cut from the journal. Close the session here and run `council verify` before opening it again.",
        "Nhật ký {path} đã bị một chương trình khác thay đổi trong khi chương trình này đang điều hành phiên họp. Để không mất dữ liệu, chương trình này đã ngừng ghi và phiên họp ở đây chỉ còn để xem; không có gì bị cắt khỏi nhật ký. Hãy đóng phiên họp ở đây và chạy `council verify` trước khi mở lại.",
    ),
}
