"""User-visible strings of members' own devices (the member's page, votes from phones), as key: (English, Vietnamese)."""

MESSAGES: dict[str, tuple[str, str]] = {
    "device.poll_closed": (
        "This vote is closed; your ballot was not taken. The page shows what is open now.",
        "Lần biểu quyết này đã kết thúc; phiếu không được nhận. Trang đang hiển thị nội dung hiện tại.",
    ),
    "device.poll_unknown": (
        "This ballot is for a vote that is not open; nothing was recorded.",
        "Phiếu này không thuộc lần biểu quyết đang mở; không có gì được ghi.",
    ),
    "device.wrong_ballot": (
        "This ballot does not fit the vote that is open (another kind of ballot); nothing was recorded.",
        "Phiếu này không đúng hình thức của lần biểu quyết đang mở; không có gì được ghi.",
    ),
    "device.bad_choice": (
        "That choice does not exist: choose Yes, No or Abstain.",
        "Lựa chọn không hợp lệ: hãy chọn Đồng ý, Không đồng ý hoặc Không biểu quyết.",
    ),
    "device.vote_in": (
        "Your vote is already recorded: {choice}. To change it, ask the chair.",
        "Phiếu của bạn đã được ghi: {choice}. Muốn thay đổi, hãy đề nghị Chủ tịch.",
    ),
    "device.box_sealed": (
        "The ballot box is not open yet: wait until the chair opens it, then send again.",
        "Hòm phiếu chưa mở: hãy chờ Chủ tịch mở hòm phiếu rồi gửi lại.",
    ),
    "device.bad_sheet": (
        "The scoring sheet could not be read; nothing was recorded.",
        "Không đọc được phiếu chấm; không có gì được ghi.",
    ),
    "device.unknown_criterion": (
        "The sheet has a criterion this scoring does not use; reload the page.",
        "Phiếu chấm có tiêu chí không thuộc lần chấm điểm này; hãy tải lại trang.",
    ),
    "device.score_not_number": (
        "The score for {criterion} must be a whole number.",
        "Điểm {criterion} phải là số nguyên.",
    ),
    "device.score_between_bands": (
        "{value} for {criterion} is in none of its bands.",
        "Điểm {value} của {criterion} không thuộc mức nào.",
    ),
    "device.comment_long": (
        "The comment has {count} characters; at most {most}.",
        "Ý kiến dài {count} ký tự; tối đa {most}.",
    ),
    "device.not_entitled": (
        "You are not a voting member of this council: you follow the meeting, without a ballot.",
        "Bạn không phải thành viên có quyền biểu quyết: bạn theo dõi phiên họp, không có phiếu.",
    ),
    "device.recused": (
        "You do not vote on this initiative ({reason}).",
        "Bạn không tham gia biểu quyết sáng kiến này ({reason}).",
    ),
    "device.not_present": (
        "You are not marked present, so you do not vote. Tell the secretary if you are here.",
        "Bạn chưa được điểm danh có mặt nên không biểu quyết. Nếu bạn đã đến, hãy báo Thư ký.",
    ),
    "device.left": (
        "You are marked as having left the meeting, so you do not vote. Tell the secretary if you are back.",
        "Bạn được ghi là đã rời phiên họp nên không biểu quyết. Nếu đã trở lại, hãy báo Thư ký.",
    ),
    "device.came_after": (
        "You arrived after this vote opened, so you do not take part in it.",
        "Bạn đến sau khi bắt đầu biểu quyết nên không tham gia lần biểu quyết này.",
    ),
    "page.session_closed": ("The session is closed. Thank you.", "Phiên họp đã bế mạc. Xin cảm ơn."),
    "page.position": ("Item {number} of {total}", "Mục {number}/{total}"),
    "page.no_poll": (
        "No vote is open. Your ballot appears here by itself when the chair opens one.",
        "Chưa có biểu quyết. Phiếu sẽ tự hiện ở đây khi Chủ tịch bắt đầu biểu quyết.",
    ),
    "page.poll_heading": ("Vote: {mode}", "Biểu quyết: {mode}"),
    "page.paper": (
        "This vote is on paper ballots: use the ballot you are given.",
        "Lần biểu quyết này dùng phiếu giấy: hãy dùng phiếu được phát.",
    ),
    "page.open_in": ("Your vote is recorded.", "Ý kiến của bạn đã được ghi."),
    "page.received": ("Your ballot has been recorded.", "Phiếu của bạn đã được ghi nhận."),
}
