"""User-visible strings of tamper evidence (a cut-off journal, edited files, the council's record), as key: (English, Vietnamese)."""

MESSAGES: dict[str, tuple[str, str]] = {
    # --- refusals on opening
    "error.journal_truncated": (
        "The journal {path} ends at record {end}, but it had been written up to record {line} (anchor-1.json / anchor-2.json say so): records were removed from its end, or it was replaced by an older copy. The session is open read-only; run `council verify` and restore a backup with `council restore`.",
        "Nhật ký {path} kết thúc ở bản ghi {end}, nhưng đã từng được ghi đến bản ghi {line} (theo anchor-1.json / anchor-2.json): các bản ghi cuối đã bị xóa, hoặc nhật ký bị thay bằng một bản cũ hơn. Phiên họp chỉ mở để xem; hãy chạy `council verify` và khôi phục bản sao lưu bằng `council restore`.",
    ),
    "error.journal_torn_first": (
        "The journal {path} holds only a half-written first record ({bytes} bytes): creating the session was cut off (the computer stopped, or the disk failed) or the file was damaged, so nothing of the session can be read. Nothing was changed. Restore it from a backup with `council restore`, or create the session again if it was never used.",
        "Nhật ký {path} chỉ có bản ghi đầu tiên ghi dở ({bytes} byte): việc tạo phiên họp bị gián đoạn (máy dừng đột ngột hoặc đĩa bị lỗi) hoặc tệp bị hỏng, nên không đọc được gì của phiên họp. Không có gì bị thay đổi. Hãy khôi phục từ bản sao lưu bằng `council restore`, hoặc tạo lại phiên họp nếu chưa từng sử dụng.",
    ),
    "error.journal_empty": (
        "The journal {path} is empty (0 bytes): creating the session was cut off before its first record was written, or the file was emptied, so nothing of the session can be read. Nothing was changed. Restore it from a backup with `council restore`, or create the session again if it was never used.",
        "Nhật ký {path} trống (0 byte): việc tạo phiên họp bị gián đoạn trước khi ghi được bản ghi đầu tiên, hoặc tệp đã bị xóa hết nội dung, nên không đọc được gì của phiên họp. Không có gì bị thay đổi. Hãy khôi phục từ bản sao lưu bằng `council restore`, hoặc tạo lại phiên họp nếu chưa từng sử dụng.",
    ),
    "error.journal_missing": (
        "Session {session} has lost its journal: {path} was deleted or moved, though the session's other files are still there. Nothing was changed. Put the file back, or restore the session from a backup with `council restore {session}`.",
        "Phiên họp {session} bị mất nhật ký: tệp {path} đã bị xóa hoặc chuyển đi, dù các tệp khác của phiên họp vẫn còn. Không có gì bị thay đổi. Hãy đặt lại tệp, hoặc khôi phục phiên họp từ bản sao lưu bằng `council restore {session}`.",
    ),
    # --- council verify: the verdict
    "verify.truncated": (
        "FAILED at record {record}: the journal ends at record {end}, but it had been written up to record {record} ({file} says so): records were removed from its end, or it was replaced by an older copy. Restore a backup with `council restore`.",
        "KHÔNG KHỚP tại bản ghi {record}: nhật ký kết thúc ở bản ghi {end}, nhưng đã từng được ghi đến bản ghi {record} (theo {file}): các bản ghi cuối đã bị xóa, hoặc nhật ký bị thay bằng một bản cũ hơn. Hãy khôi phục bản sao lưu bằng `council restore`.",
    ),
    "verify.rewritten": (
        "FAILED at record {record}: the journal holds another record {record} than the one it was written with ({file} says so): its end was replaced. Restore a backup with `council restore`.",
        "KHÔNG KHỚP tại bản ghi {record}: bản ghi {record} trong nhật ký không phải bản ghi đã được ghi (theo {file}): phần cuối nhật ký đã bị thay. Hãy khôi phục bản sao lưu bằng `council restore`.",
    ),
    "verify.torn_first": (
        "FAILED at record 1: the journal holds only a half-written first record ({bytes} bytes): creating the session was cut off, or the file was damaged. Restore a backup with `council restore`, or create the session again if it was never used.",
        "KHÔNG KHỚP tại bản ghi 1: nhật ký chỉ có bản ghi đầu tiên ghi dở ({bytes} byte): việc tạo phiên họp bị gián đoạn hoặc tệp bị hỏng. Hãy khôi phục bản sao lưu bằng `council restore`, hoặc tạo lại phiên họp nếu chưa từng sử dụng.",
    ),
    "verify.empty": (
        "FAILED at record 1: the journal is empty. Restore a backup with `council restore`.",
        "KHÔNG KHỚP tại bản ghi 1: nhật ký trống. Hãy khôi phục bản sao lưu bằng `council restore`.",
    ),
    "verify.files_bad": (
        "FAILED: the journal verifies ({records} records, chain head {head}), but files derived from it were changed or damaged:",
        "KHÔNG KHỚP: nhật ký toàn vẹn ({records} bản ghi, mã chuỗi {head}), nhưng các tệp được tạo từ nhật ký đã bị sửa hoặc hỏng:",
    ),
    # --- council verify: one derived file
    "verify.file_unreadable": (
        "{file} cannot be read: it is not used, and is written again from the journal at the next save.",
        "Không đọc được {file}: tệp không được dùng, và sẽ được ghi lại từ nhật ký ở lần lưu sau.",
    ),
    "verify.file_edited": (
        "{file} differs from what journal record {record} vouches for: it was changed or damaged. It is not used (the journal's word is shown), and is written again at the next save.",
        "{file} khác với nội dung mà bản ghi {record} của nhật ký xác nhận: tệp đã bị sửa hoặc hỏng. Tệp không được dùng (hiển thị theo nhật ký), và sẽ được ghi lại ở lần lưu sau.",
    ),
    "verify.file_truncated": (
        "{file} was written when the journal had reached record {record}; the journal now ends at record {end}: records were removed from its end, or it was replaced by an older copy.",
        "{file} được ghi khi nhật ký đã đến bản ghi {record}; nay nhật ký kết thúc ở bản ghi {end}: các bản ghi cuối đã bị xóa, hoặc nhật ký bị thay bằng một bản cũ hơn.",
    ),
    "verify.file_rewritten": (
        "{file} names a record {record} that is not the journal's record {record}: the journal was replaced from there, or the file was changed.",
        "{file} ghi bản ghi {record} khác với bản ghi {record} của nhật ký: nhật ký đã bị thay từ đó, hoặc tệp đã bị sửa.",
    ),
    "verify.file_older": (
        "{file} was written by an older council and is not vouched for by the journal: it is not used, and is written again at the next save.",
        "{file} do phiên bản council cũ hơn ghi và không được nhật ký xác nhận: tệp không được dùng, và sẽ được ghi lại ở lần lưu sau.",
    ),
    "verify.anchor_missing": (
        "Note: the anchor files anchor-1.json / anchor-2.json (where the journal ended when last written) are missing or unreadable, so records removed from the journal's end could not be noticed this time.",
        "Lưu ý: thiếu hoặc không đọc được tệp anchor-1.json / anchor-2.json (nơi nhật ký kết thúc khi được ghi lần cuối), nên lần này không phát hiện được nếu các bản ghi cuối của nhật ký bị xóa.",
    ),
    "verify.cannot": (
        "What this check cannot show: council keeps no secret key, so someone who can rewrite every file of the data folder consistently (the journal with new fingerprints, the anchor files and the files derived from it) leaves files that verify. Compare the chain head with the one printed on the signed minutes, or with a backup kept elsewhere.",
        "Điều kiểm tra này không phát hiện được: council không giữ khóa bí mật, nên người có thể viết lại mọi tệp trong thư mục dữ liệu một cách nhất quán (nhật ký với mã băm mới, các tệp anchor và các tệp được tạo từ nhật ký) sẽ để lại các tệp vẫn qua kiểm tra. Hãy đối chiếu mã chuỗi với mã in trên biên bản đã ký, hoặc với bản sao lưu cất giữ ở nơi khác.",
    ),
    # --- the council's file (sessions/council_record.py)
    "error.council_edited": (
        "{path} was changed outside council: it is not the version council last saved (record {record} of {journal}). It was not used, and nothing was written over it. `council restore --council` puts back the version council last saved (its journal holds it), keeping this file aside.",
        "Tệp {path} đã bị sửa bên ngoài council: đây không phải phiên bản council lưu lần cuối (bản ghi {record} của {journal}). Tệp không được dùng và không có gì bị ghi đè lên tệp. Lệnh `council restore --council` sẽ đặt lại phiên bản council lưu lần cuối (có trong nhật ký), và giữ tệp này ở chỗ khác.",
    ),
    "error.council_damaged": (
        "The council's journal {journal} does not verify at record {record}: it was changed or damaged, so {path} cannot be trusted. Nothing was used or written. Put back the data folder from a copy kept elsewhere.",
        "Nhật ký hội đồng {journal} không khớp tại bản ghi {record}: nhật ký đã bị sửa hoặc hỏng, nên không thể tin tệp {path}. Không có gì được dùng hay ghi. Hãy đặt lại thư mục dữ liệu từ bản sao cất giữ ở nơi khác.",
    ),
    "error.council_truncated": (
        "The council's journal {journal} had been written up to record {record} (anchor-1.json / anchor-2.json say so), but it now ends before it: records were removed from its end, or it was replaced by an older copy, so {path} cannot be trusted. Nothing was used or written. Put back the data folder from a copy kept elsewhere.",
        "Nhật ký hội đồng {journal} đã từng được ghi đến bản ghi {record} (theo anchor-1.json / anchor-2.json), nhưng nay kết thúc trước đó: các bản ghi cuối đã bị xóa, hoặc nhật ký bị thay bằng một bản cũ hơn, nên không thể tin tệp {path}. Không có gì được dùng hay ghi. Hãy đặt lại thư mục dữ liệu từ bản sao cất giữ ở nơi khác.",
    ),
    "error.council_rewritten": (
        "The council's journal {journal} holds another record {record} than the one it was written with (anchor-1.json / anchor-2.json say so): its end was replaced, so {path} cannot be trusted. Nothing was used or written. Put back the data folder from a copy kept elsewhere.",
        "Bản ghi {record} trong nhật ký hội đồng {journal} không phải bản ghi đã được ghi (theo anchor-1.json / anchor-2.json): phần cuối nhật ký đã bị thay, nên không thể tin tệp {path}. Không có gì được dùng hay ghi. Hãy đặt lại thư mục dữ liệu từ bản sao cất giữ ở nơi khác.",
    ),
    "error.council_removed": (
        "Session {session} was created at record {record} of the council's journal {journal}, which it no longer holds: the council's record (the folder council/) was removed or cut, so {path} cannot be trusted. Nothing was used or written. Put back the folder council/ (or the whole data folder) from a copy kept elsewhere.",
        "Phiên họp {session} được tạo ở bản ghi {record} của nhật ký hội đồng {journal}, nhưng nhật ký nay không còn bản ghi đó: bản ghi của hội đồng (thư mục council/) đã bị xóa hoặc cắt bớt, nên không thể tin tệp {path}. Không có gì được dùng hay ghi. Hãy đặt lại thư mục council/ (hoặc cả thư mục dữ liệu) từ bản sao cất giữ ở nơi khác.",
    ),
    "error.council_busy": (
        "Another council program is saving the council right now (process {pid} on {host}, since {since}). Nothing was changed; try again in a moment.",
        "Một chương trình council khác đang lưu hội đồng (tiến trình {pid} trên máy {host}, từ {since}). Chưa có gì thay đổi; hãy thử lại sau giây lát.",
    ),
    "error.council_no_record": (
        "{path} has no record of its saves yet (it was written by an older version of council), so there is no version to put back. Nothing was changed.",
        "Tệp {path} chưa có bản ghi các lần lưu (do phiên bản council cũ hơn ghi), nên không có phiên bản nào để đặt lại. Không có gì thay đổi.",
    ),
    "cli.restore_council_help": (
        "put back council.json as council last saved it (from the council's journal)",
        "đặt lại council.json theo phiên bản council lưu lần cuối (từ nhật ký hội đồng)",
    ),
    "error.restore_council_needs_yes": (
        "Restoring replaces council.json; without a terminal to confirm in, add --yes. Nothing was changed.",
        "Việc khôi phục sẽ thay tệp council.json; khi không có cửa sổ dòng lệnh để xác nhận, hãy thêm --yes. Không có gì thay đổi.",
    ),
    "restore.council_confirm": (
        "Put back {path} as council last saved it (record {record} of its journal)? The current file is kept aside. [y/N] ",
        "Đặt lại tệp {path} theo phiên bản council lưu lần cuối (bản ghi {record} của nhật ký)? Tệp hiện tại được giữ ở chỗ khác. [c/K] ",
    ),
    "restore.council_done": (
        "{path} is again the version council last saved (record {record} of its journal).",
        "Tệp {path} đã được đặt lại theo phiên bản council lưu lần cuối (bản ghi {record} của nhật ký).",
    ),
    "restore.council_kept": ("The file it replaced is kept as {kept}.", "Tệp bị thay được giữ lại tại {kept}."),
    "restore.council_nothing": (
        "{path} already is the version council last saved (record {record} of its journal); nothing was changed.",
        "Tệp {path} đã đúng là phiên bản council lưu lần cuối (bản ghi {record} của nhật ký); không có gì thay đổi.",
    ),
    "verify.council_ok": (
        "Council file council.json: OK: {records} records, chain head {head}.",
        "Tệp hội đồng council.json: OK: {records} bản ghi, mã chuỗi {head}.",
    ),
    "verify.council_behind": (
        "Council file council.json: OK: {records} records, chain head {head}; the file is one save behind its journal (a save was cut off): the journal's version is used, and the file is written again at the next save.",
        "Tệp hội đồng council.json: OK: {records} bản ghi, mã chuỗi {head}; tệp chậm hơn nhật ký một lần lưu (một lần lưu bị gián đoạn): council dùng phiên bản trong nhật ký, và tệp sẽ được ghi lại ở lần lưu sau.",
    ),
    "verify.council_unrecorded": (
        "Council file council.json: not covered yet. It was written by an older version of council (or its record, the folder council/, was removed), so a change made to it outside council cannot be noticed. The record starts at the council's next save (editing its details, members or rules).",
        "Tệp hội đồng council.json: chưa được bảo vệ. Tệp do phiên bản council cũ hơn ghi (hoặc bản ghi của tệp, thư mục council/, đã bị xóa), nên không phát hiện được nếu tệp bị sửa bên ngoài council. Việc ghi nhận bắt đầu từ lần lưu hội đồng tiếp theo (sửa thông tin, thành viên hoặc quy chế).",
    ),
    "verify.council_failed": ("Council file: FAILED. {reason}", "Tệp hội đồng: KHÔNG KHỚP. {reason}"),
    "verify.council_none": ("There is no council file in this folder.", "Thư mục này không có tệp hội đồng."),
    # --- exporting a session that fails verification (sessions/exporting.py)
    "export.unverified_mark": (
        "THIS RECORD FAILED VERIFICATION (council verify): {reason} It shows only what the verified part of the session's files holds; do not sign or file it before the session's files are restored.",
        "HỒ SƠ NÀY KHÔNG QUA KIỂM TRA TOÀN VẸN (council verify): {reason} Nội dung chỉ gồm phần dữ liệu phiên họp còn toàn vẹn; không ký hoặc lưu hồ sơ trước khi dữ liệu phiên họp được khôi phục.",
    ),
    "export.unverified_warning": (
        "Warning: session {session} fails verification: {reason} It was exported all the same, and the document says so: {path}",
        "Cảnh báo: phiên họp {session} không qua kiểm tra toàn vẹn: {reason} Hồ sơ vẫn được xuất, và trong hồ sơ có ghi rõ điều này: {path}",
    ),
    "export.unverified_notice": (
        "This session fails verification: {reason} The exported document will say so.",
        "Phiên họp này không qua kiểm tra toàn vẹn: {reason} Hồ sơ xuất ra sẽ ghi rõ điều này.",
    ),
    # --- council restore
    "error.backup_unverified": (
        "The backup {backup} does not verify, so it was not restored and nothing was changed; choose another one. What was found: {reason}",
        "Bản sao lưu {backup} không toàn vẹn nên không được khôi phục, không có gì bị thay đổi; hãy chọn bản khác. Kết quả kiểm tra: {reason}",
    ),
    "backup.head_differs": (
        "its journal's record {records} has chain head {head}, but backup.json names chain head {named}: one of them was changed.",
        "bản ghi {records} trong nhật ký của bản sao lưu có mã chuỗi {head}, nhưng backup.json ghi mã chuỗi {named}: một trong hai đã bị sửa.",
    ),
    "backup.end_differs": (
        "its journal ends at record {end}, but backup.json says it was taken at record {records}.",
        "nhật ký của bản sao lưu kết thúc ở bản ghi {end}, nhưng backup.json ghi bản sao lưu được tạo ở bản ghi {records}.",
    ),
}
