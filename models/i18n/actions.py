"""What each action does, in a sentence: the command palette's description of every key (tui/bindings.py)."""

MESSAGES: dict[str, tuple[str, str]] = {
    "does.app.help": ("Show every key of this screen", "Xem mọi phím tắt của màn hình này"),
    "does.app.quit": ("Leave council (everything is already saved)", "Thoát council (mọi thứ đã được lưu)"),
    "does.picker.open_session": (
        "Open the highlighted session to run its meeting",
        "Mở phiên họp đang chọn để điều hành cuộc họp",
    ),
    "does.picker.new_session": ("Create a new session of this council", "Tạo một phiên họp mới của Hội đồng"),
    "does.picker.members": (
        "Edit the council's members (sessions already created keep theirs)",
        "Sửa danh sách thành viên Hội đồng (các phiên đã tạo giữ danh sách cũ)",
    ),
    "does.picker.open_read_only": (
        "Look at the highlighted session without changing anything",
        "Xem phiên họp đang chọn mà không thay đổi gì",
    ),
    "does.picker.export": (
        "Export the highlighted session's minutes or recognition list",
        "Xuất biên bản hoặc danh sách công nhận của phiên đang chọn",
    ),
    "does.picker.statistics": (
        "Counts and benefit by category, type, unit and outcome",
        "Số lượng và giá trị làm lợi theo nhóm, loại, đơn vị và kết quả",
    ),
    "does.picker.quit": ("Leave council (everything is already saved)", "Thoát council (mọi thứ đã được lưu)"),
    "does.first_run.new_council": (
        "Set up a council: its details, then its members",
        "Lập Hội đồng: thông tin chung, rồi các thành viên",
    ),
    "does.first_run.create_demo": (
        "Create a demo council with two sessions to try the app",
        "Tạo Hội đồng mẫu với hai phiên họp để dùng thử",
    ),
    "does.first_run.quit": ("Leave council", "Thoát council"),
    "does.agenda.attendance": (
        "Mark who is present, absent, late or left early",
        "Ghi nhận có mặt, vắng, đến muộn hoặc về sớm",
    ),
    "does.agenda.start_session": ("Open the meeting and record its start time", "Khai mạc cuộc họp và ghi giờ bắt đầu"),
    "does.agenda.vote": (
        "Open a poll on the current initiative, or go back to the open poll",
        "Mở biểu quyết cho sáng kiến hiện tại, hoặc quay lại cuộc biểu quyết đang mở",
    ),
    "does.agenda.findings": (
        "Write the council's remarks and conclusion on the current initiative",
        "Ghi nhận xét và kết luận của Hội đồng về sáng kiến hiện tại",
    ),
    "does.agenda.recuse": (
        "Keep a member out of the current initiative's poll, with the reason",
        "Không cho một thành viên biểu quyết sáng kiến hiện tại, kèm lý do",
    ),
    "does.agenda.rules": (
        "The council's rules: quorum, passing rule, scoring",
        "Quy chế của Hội đồng: số lượng tối thiểu, điều kiện thông qua, chấm điểm",
    ),
    "does.agenda.next_item": ("Make the next initiative the current item", "Chuyển sang sáng kiến tiếp theo"),
    "does.agenda.previous_item": ("Make the previous initiative the current item", "Quay lại sáng kiến trước"),
    "does.agenda.make_current": (
        "Make the highlighted initiative the current item",
        "Chọn sáng kiến đang trỏ làm mục hiện tại",
    ),
    "does.agenda.export": (
        "Export the minutes (Markdown, Word, PDF, JSON) or the recognition list",
        "Xuất biên bản (Markdown, Word, PDF, JSON) hoặc danh sách công nhận",
    ),
    "does.agenda.statistics": (
        "Counts and benefit of this session or of every session",
        "Số lượng và giá trị làm lợi của phiên này hoặc mọi phiên",
    ),
    "does.agenda.close_session": ("Close the meeting and record its end time", "Bế mạc cuộc họp và ghi giờ kết thúc"),
    "does.agenda.leave": (
        "Back to the list of sessions (everything is saved)",
        "Quay lại danh sách phiên họp (mọi thứ đã được lưu)",
    ),
    "does.agenda.add_initiative": ("Add an initiative to the agenda", "Thêm một sáng kiến vào chương trình"),
    "does.agenda.edit_initiative": (
        "Change the highlighted initiative's fields",
        "Sửa thông tin của sáng kiến đang trỏ",
    ),
    "does.agenda.remove_initiative": (
        "Take the highlighted initiative off the agenda",
        "Đưa sáng kiến đang trỏ ra khỏi chương trình",
    ),
    "does.agenda.move_up": (
        "Move the highlighted initiative one place up",
        "Chuyển sáng kiến đang trỏ lên một vị trí",
    ),
    "does.agenda.move_down": (
        "Move the highlighted initiative one place down",
        "Chuyển sáng kiến đang trỏ xuống một vị trí",
    ),
    "does.agenda.edit_details": (
        "Change the session's title, date, place and secretary",
        "Sửa tên, ngày, địa điểm và thư ký của phiên họp",
    ),
    "does.agenda.import_initiatives": (
        "Add initiatives from a CSV or Excel file, after a preview",
        "Thêm sáng kiến từ tệp CSV hoặc Excel, sau khi xem trước",
    ),
    "does.agenda.take_council": (
        "Give this session the council's current members",
        "Lấy danh sách thành viên hiện tại của Hội đồng cho phiên này",
    ),
    "does.attendance.mark_present": ("Mark the highlighted member present", "Ghi thành viên đang trỏ là có mặt"),
    "does.attendance.mark_absent": (
        "Mark the highlighted member absent, with the reason",
        "Ghi thành viên đang trỏ là vắng, kèm lý do",
    ),
    "does.attendance.mark_late": ("Mark the highlighted member as arrived late", "Ghi thành viên đang trỏ là đến muộn"),
    "does.attendance.mark_left_early": (
        "Mark the highlighted member as having left early",
        "Ghi thành viên đang trỏ là về sớm",
    ),
    "does.attendance.back": ("Back to the agenda", "Quay lại chương trình họp"),
    "does.poll_common.close_poll": (
        "Close the poll and show its result with the rule's arithmetic",
        "Kết thúc biểu quyết và xem kết quả cùng phép tính theo quy chế",
    ),
    "does.poll_common.reset_poll": (
        "Cancel this poll (it stays on record) so that a new one can be held",
        "Hủy cuộc biểu quyết này (vẫn được lưu lại) để tổ chức lại",
    ),
    "does.poll_common.findings": (
        "Write the council's remarks and conclusion on this initiative",
        "Ghi nhận xét và kết luận của Hội đồng về sáng kiến này",
    ),
    "does.poll_common.back": (
        "Back to the agenda; the poll stays open",
        "Quay lại chương trình họp; cuộc biểu quyết vẫn mở",
    ),
    "does.vote.cast_yes": ("Record Yes for the highlighted member", "Ghi Đồng ý cho thành viên đang trỏ"),
    "does.vote.cast_no": ("Record No for the highlighted member", "Ghi Không đồng ý cho thành viên đang trỏ"),
    "does.vote.cast_abstain": (
        "Record Abstain for the highlighted member",
        "Ghi Không biểu quyết cho thành viên đang trỏ",
    ),
    "does.vote.everyone_yes": (
        "Record Yes for every present member who has not voted",
        "Ghi Đồng ý cho mọi thành viên có mặt chưa biểu quyết",
    ),
    "does.vote.undo": ("Undo the last vote recorded", "Hoàn tác phiếu vừa ghi"),
    "does.vote.clear_vote": ("Remove the highlighted member's vote", "Xóa phiếu của thành viên đang trỏ"),
    "does.ballot_overview.booth": (
        "Turn the laptop into the booth where members vote in turn",
        "Chuyển máy thành phòng bỏ phiếu để các thành viên lần lượt bỏ phiếu",
    ),
    "does.ballot_overview.paper_sheet": (
        "Type the highlighted member's paper scoring sheet",
        "Nhập phiếu chấm giấy của thành viên đang trỏ",
    ),
    "does.paper.save_counts": ("Record the counts typed from the paper ballots", "Ghi các số phiếu đã kiểm trên giấy"),
    "does.booth.leave_booth": (
        "The chair leaves the booth with the booth secret",
        "Chủ tịch rời phòng bỏ phiếu bằng mật khẩu phòng phiếu",
    ),
    "does.pin.cancel": ("Back without entering the secret", "Quay lại, không nhập mật khẩu"),
    "does.received.done": ("Pass the laptop to the next member", "Chuyển máy cho thành viên tiếp theo"),
    "does.ballot.choose_yes": ("Choose Yes (you confirm next)", "Chọn Đồng ý (xác nhận ở bước sau)"),
    "does.ballot.choose_no": ("Choose No (you confirm next)", "Chọn Không đồng ý (xác nhận ở bước sau)"),
    "does.ballot.choose_abstain": ("Choose Abstain (you confirm next)", "Chọn Không biểu quyết (xác nhận ở bước sau)"),
    "does.ballot.cancel": ("Back to the list of names without voting", "Quay lại danh sách tên, chưa bỏ phiếu"),
    "does.sheet.submit": ("Store this scoring sheet", "Lưu phiếu chấm này"),
    "does.sheet.cancel": ("Close the sheet without storing it", "Đóng phiếu chấm mà không lưu"),
    "does.stats.toggle_scope": ("Switch between this session and every session", "Chuyển giữa phiên này và mọi phiên"),
    "does.stats.back": ("Back to the previous screen", "Quay lại màn hình trước"),
    "does.rules.apply_preset": ("Put the highlighted preset into the form", "Đưa mẫu đang trỏ vào biểu mẫu"),
    "does.rules.save_rules": ("Save the rules shown", "Lưu quy chế đang hiển thị"),
    "does.rules.back": ("Back to the agenda", "Quay lại chương trình họp"),
    "does.findings.save": ("Save the findings", "Lưu kết luận"),
    "does.findings.back": (
        "Leave the findings (asks before discarding changes)",
        "Rời màn hình kết luận (hỏi trước khi bỏ thay đổi)",
    ),
    "does.prep_form.save": ("Save the form", "Lưu biểu mẫu"),
    "does.prep_form.back": (
        "Leave the form (asks before discarding changes)",
        "Rời biểu mẫu (hỏi trước khi bỏ thay đổi)",
    ),
    "does.members.add_member": ("Add a member to the council", "Thêm một thành viên vào Hội đồng"),
    "does.members.edit_member": ("Edit the highlighted member", "Sửa thành viên đang trỏ"),
    "does.members.remove_member": ("Remove the highlighted member", "Xóa thành viên đang trỏ"),
    "does.members.import_members": (
        "Import members from a CSV or Excel file",
        "Nhập danh sách thành viên từ tệp CSV hoặc Excel",
    ),
    "does.members.council_info": (
        "Edit the council's name, unit and founding decision",
        "Sửa tên, đơn vị và quyết định thành lập Hội đồng",
    ),
    "does.members.done": ("Done with the members", "Xong danh sách thành viên"),
    "does.import.apply": (
        "Add every row of the preview (all or nothing)",
        "Nhập mọi dòng đã xem trước (tất cả hoặc không dòng nào)",
    ),
    "does.import.back": ("Back without importing", "Quay lại, không nhập"),
    "does.modal.cancel": ("Close this dialog without changing anything", "Đóng hộp thoại, không thay đổi gì"),
    "does.help.close": ("Close the list of keys", "Đóng danh sách phím"),
}
