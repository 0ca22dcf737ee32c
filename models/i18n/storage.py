"""User-visible strings of the storage area, as key: (English, Vietnamese)."""

MESSAGES: dict[str, tuple[str, str]] = {
    # --- refusals
    "error.checkpoint_damaged": (
        "The saved state {path} does not match the journal (at record {line}): it has been changed or damaged. The session is open read-only; run `council verify` and restore a backup with `council restore`.",
        "Tệp trạng thái {path} không khớp nhật ký (tại bản ghi {line}): đã bị sửa hoặc hỏng. Phiên họp chỉ mở để xem; hãy chạy `council verify` và khôi phục bản sao lưu bằng `council restore`.",
    ),
    "error.unknown_backup": (
        "Session {session} has no backup {backup} ({count} backups; run `council restore {session}` to list them).",
        "Phiên họp {session} không có bản sao lưu {backup} (có {count} bản; chạy `council restore {session}` để xem danh sách).",
    ),
    "error.backup_damaged": (
        "The backup {backup} does not verify (record {line}); choose another one.",
        "Bản sao lưu {backup} không toàn vẹn (bản ghi {line}); hãy chọn bản khác.",
    ),
    "error.restore_needs_yes": (
        "Restoring replaces the session's files; without a terminal to confirm in, add --yes.",
        "Khôi phục sẽ thay thế dữ liệu của phiên họp; khi không có cửa sổ lệnh để xác nhận, hãy thêm --yes.",
    ),
    # --- what the chair is told on opening a session after a crash
    "recovery.unclean": (
        "The previous run of this session (process {pid} on {host}, since {since}) ended without closing it.",
        "Lần chạy trước của phiên họp này (tiến trình {pid} trên máy {host}, từ {since}) đã dừng mà chưa đóng phiên.",
    ),
    "recovery.taken_over": (
        "The program that was running this session (process {pid} on {host}, since {since}) may still be running, but its lock file was removed: this program has taken the session over, and that one stops writing at its next change. Close the session there.",
        "Chương trình đang điều hành phiên họp này (tiến trình {pid} trên máy {host}, từ {since}) có thể vẫn chạy nhưng tệp khóa của nó đã bị xóa: chương trình này đã tiếp quản phiên họp, chương trình kia sẽ ngừng ghi ở thay đổi kế tiếp. Hãy đóng phiên họp ở chương trình kia.",
    ),
    "recovery.replayed": (
        "{count} changes made since the last save point were recovered from the journal.",
        "Đã khôi phục {count} thay đổi thực hiện sau lần lưu trạng thái gần nhất từ nhật ký.",
    ),
    "recovery.rebuilt": (
        "The session was rebuilt from its journal ({count} changes).",
        "Phiên họp đã được dựng lại từ nhật ký ({count} thay đổi).",
    ),
    "recovery.torn": (
        "A half-written last change ({bytes} bytes) was dropped: it had not been shown as recorded.",
        "Một thay đổi cuối ghi dở ({bytes} byte) đã bị bỏ: thay đổi đó chưa được báo là đã ghi nhận.",
    ),
    "recovery.cleaned": (
        "{count} leftover temporary files were removed.",
        "Đã xóa {count} tệp tạm còn sót lại.",
    ),
    "recovery.nothing_lost": (
        "Everything that was shown as recorded is there.",
        "Mọi thay đổi đã được báo là ghi nhận đều còn nguyên.",
    ),
    # --- council verify
    "verify.reason_format": (
        "it is not written the way council writes records (edited by hand?)",
        "không được ghi theo đúng cách council ghi bản ghi (bị sửa tay?)",
    ),
    "verify.reason_replay": (
        "it cannot be applied to the session",
        "không áp dụng được vào phiên họp",
    ),
    "verify.reason_checkpoint_content": (
        "the saved state differs from what the journal records up to this record",
        "trạng thái đã lưu khác với những gì nhật ký ghi đến bản ghi này",
    ),
    "verify.bad_checkpoint_file": (
        "FAILED: the saved state session.json cannot be read; restore a backup with `council restore`.",
        "KHÔNG KHỚP: không đọc được tệp trạng thái session.json; hãy khôi phục bản sao lưu bằng `council restore`.",
    ),
    # --- council restore
    "cli.restore_help": (
        "list a session's backups and restore one",
        "xem các bản sao lưu của phiên họp và khôi phục một bản",
    ),
    "cli.restore_backup_arg": (
        "the backup: its number in the list (1 = newest) or its name",
        "bản sao lưu: số thứ tự trong danh sách (1 = mới nhất) hoặc tên",
    ),
    "cli.yes_help": ("do not ask for confirmation", "không hỏi xác nhận"),
    "restore.no_backups": ("There are no backups in {path}.", "Chưa có bản sao lưu nào trong {path}."),
    "restore.sessions_title": ("Sessions with backups:", "Các phiên họp có bản sao lưu:"),
    "restore.session_line": (
        "{session}  {count} backups, newest {newest}",
        "{session}  {count} bản sao lưu, mới nhất {newest}",
    ),
    "restore.none_for_session": (
        "Session {session} has no backups yet (they are taken when a meeting starts and ends).",
        "Phiên họp {session} chưa có bản sao lưu (bản sao lưu được tạo khi khai mạc và bế mạc).",
    ),
    "restore.backups_title": (
        "Backups of session {session}, newest first:",
        "Các bản sao lưu của phiên họp {session}, mới nhất trước:",
    ),
    "restore.backup_line": (
        "{number:>3}  {taken}  {kind:<22} {records:>5} records  {status}  chain {head}  ({name})",
        "{number:>3}  {taken}  {kind:<22} {records:>5} bản ghi  {status}  mã chuỗi {head}  ({name})",
    ),
    "restore.hint": (
        "To restore one: council restore {session} NUMBER --data {data}",
        "Để khôi phục: council restore {session} SỐ_THỨ_TỰ --data {data}",
    ),
    "restore.kind_open": ("meeting started", "khi khai mạc"),
    "restore.kind_close": ("meeting ended", "khi bế mạc"),
    "restore.kind_restore": ("replaced by a restore", "bị thay khi khôi phục"),
    "restore.confirm": (
        "Restore session {session} to the backup of {taken} ({kind}, {records} records)? The current files are kept as a backup. [y/N] ",
        "Khôi phục phiên họp {session} về bản sao lưu lúc {taken} ({kind}, {records} bản ghi)? Dữ liệu hiện tại được giữ lại thành một bản sao lưu. [c/K] ",
    ),
    "restore.cancelled": ("Nothing was changed.", "Không có gì thay đổi."),
    "restore.done": (
        "Session {session} restored to the backup of {taken} ({records} records, chain {head}).",
        "Đã khôi phục phiên họp {session} về bản sao lưu lúc {taken} ({records} bản ghi, mã chuỗi {head}).",
    ),
    "restore.kept": (
        "The files it replaced are kept as backup {name}.",
        "Dữ liệu bị thay thế được giữ lại thành bản sao lưu {name}.",
    ),
}
