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
    "page.title": ("Council: my ballot", "Hội đồng: phiếu của tôi"),
    "page.recorded": ("Received: your vote is recorded.", "Đã nhận: phiếu của bạn đã được ghi."),
    "page.already": (
        "Your vote was already recorded; it counts once.",
        "Phiếu của bạn đã được ghi trước đó; chỉ tính một lần.",
    ),
    "page.error_internal": (
        "The laptop could not record this; nothing was counted. Try again or tell the chair.",
        "Máy chủ tọa không ghi được; phiếu chưa được tính. Hãy thử lại hoặc báo Chủ tịch.",
    ),
    "page.error_forged": (
        "This request did not come from your ballot page; nothing was recorded. Reload the page.",
        "Yêu cầu không đến từ trang phiếu của bạn; không có gì được ghi. Hãy tải lại trang.",
    ),
    "page.error_body": (
        "The laptop could not read what was sent; nothing was recorded. Reload the page.",
        "Không đọc được nội dung gửi lên; không có gì được ghi. Hãy tải lại trang.",
    ),
    "page.error_too_big": (
        "What was sent is too large; nothing was recorded.",
        "Nội dung gửi lên quá lớn; không có gì được ghi.",
    ),
    "page.error_slow": (
        "What was sent arrived too slowly; nothing was recorded. Send it again: it will count once.",
        "Nội dung gửi lên đến quá chậm; không có gì được ghi. Hãy gửi lại: phiếu chỉ tính một lần.",
    ),
    "page.result_heading": ("Result", "Kết quả"),
    "word.send": ("Send", "Gửi"),
    "word.confirm": ("Confirm and send", "Xác nhận và gửi"),
    "word.back": ("Back", "Quay lại"),
    "word.sending": ("Sending…", "Đang gửi…"),
    "word.retrying": (
        "No answer from the laptop yet; sending again…",
        "Chưa nhận được phản hồi; đang gửi lại…",
    ),
    "word.failed": (
        "The laptop cannot be reached. Check the Wi-Fi, then press Send again: it will count once.",
        "Không kết nối được máy chủ tọa. Hãy kiểm tra Wi-Fi rồi bấm Gửi lại: phiếu chỉ tính một lần.",
    ),
    "word.you_chose": ("You chose: {choice}", "Bạn chọn: {choice}"),
    "word.confirm_secret": (
        "Once sent, your ballot cannot be changed, and nobody, not even you, can see it again.",
        "Sau khi gửi, phiếu không thể sửa và không ai, kể cả bạn, xem lại được.",
    ),
    "word.total": ("Total", "Tổng điểm"),
    "word.comment": ("Comment (optional)", "Ý kiến (không bắt buộc)"),
    "word.eligible": ("A total of {minimum} or more rates it eligible.", "Tổng từ {minimum} điểm trở lên là đạt."),
    "word.points": ("points", "điểm"),
    "word.score_of": ("{value} of {max}", "{value}/{max}"),
    "word.missing": ("Give a score for every criterion.", "Hãy chấm điểm đủ các tiêu chí."),
    "word.reconnecting": ("Reconnecting to the laptop…", "Đang kết nối lại với máy chủ tọa…"),
    "word.closed": (
        "The room is closed, or this link was replaced. Ask the chair for your link.",
        "Phòng họp đã đóng, hoặc đường dẫn này đã được thay. Hãy xin Chủ tịch đường dẫn của bạn.",
    ),
    "word.replaced": (
        "This link no longer works: the chair has given you a new one, or the room now serves another session. "
        "Nothing more is taken from this page. Ask the chair for your link.",
        "Đường dẫn này không còn dùng được: Chủ tịch đã cấp cho bạn đường dẫn mới, hoặc phòng họp đang phục vụ "
        "phiên khác. Trang này không nhận thêm phiếu nào. Hãy xin Chủ tịch đường dẫn của bạn.",
    ),
    "word.wait_page": (
        "Too many wrong links were tried from this network. Wait a minute: the page connects again by itself.",
        "Có quá nhiều đường dẫn sai được thử từ mạng này. Hãy chờ một phút: trang sẽ tự kết nối lại.",
    ),
    "word.wait_send": (
        "Too many wrong links were tried from this network, so nothing was taken yet. Wait a minute, then press "
        "Send again: it will count once.",
        "Có quá nhiều đường dẫn sai được thử từ mạng này nên phiếu chưa được nhận. Hãy chờ một phút rồi bấm Gửi "
        "lại: phiếu chỉ tính một lần.",
    ),
    "word.receipt_note": (
        "Your choice is not shown here, so nobody who sees your phone learns it.",
        "Lựa chọn của bạn không hiển thị ở đây, để không ai nhìn điện thoại mà biết được.",
    ),
    "page.d_type": ("Type", "Loại giải pháp"),
    "page.d_category": ("Category", "Lĩnh vực thi đua"),
    "page.d_field": ("Field", "Lĩnh vực áp dụng"),
    "page.d_unit": ("Unit", "Đơn vị"),
    "page.d_authors": ("Authors", "Tác giả"),
    "page.d_description": ("Description", "Mô tả"),
    "page.d_benefit": ("Benefit", "Hiệu quả, lợi ích"),
    "does.attendance.member_link": (
        "Show the highlighted member's personal link as a QR code, for their phone",
        "Hiện đường dẫn riêng của thành viên đang trỏ dưới dạng mã QR, cho điện thoại",
    ),
    "does.member_link.reissue": (
        "Give the member a new link (a lost phone): the old one stops working at once",
        "Cấp đường dẫn mới cho thành viên (mất điện thoại): đường dẫn cũ hết hiệu lực ngay",
    ),
    "does.member_link.close": ("Back to the roll", "Quay lại điểm danh"),
    "does.room.member_cards": (
        "Print a sheet of cards, one QR code per member (new links: earlier ones stop working)",
        "In tờ thẻ, mỗi thành viên một mã QR (đường dẫn mới: đường dẫn cũ hết hiệu lực)",
    ),
    "col.phone": ("Phone", "Điện thoại"),
    "link.connected": ("connected", "đang kết nối"),
    "link.given": ("link given", "đã cấp đường dẫn"),
    "link.title": ("Personal link of {name}", "Đường dẫn riêng của {name}"),
    "link.scan": (
        "Scan with the phone's camera: the member's ballot page opens (no app, no account).",
        "Quét bằng camera điện thoại: trang phiếu của thành viên sẽ mở (không cần ứng dụng, tài khoản).",
    ),
    "link.new": ("A new link was made for this member.", "Đã tạo đường dẫn mới cho thành viên."),
    "link.replaced": (
        "The laptop keeps no link in the clear, so a new one was made: the earlier link (a printed card) "
        "no longer works.",
        "Máy không lưu đường dẫn ở dạng đọc được nên đã tạo đường dẫn mới: đường dẫn cũ (thẻ đã in) hết hiệu lực.",
    ),
    "link.reissued": (
        "New link: the old one stopped working. Scan this one.",
        "Đường dẫn mới: đường dẫn cũ đã hết hiệu lực. Hãy quét mã này.",
    ),
    "link.keys": ("r: new link (lost phone) · esc: back", "r: cấp đường dẫn mới (mất điện thoại) · esc: quay lại"),
    "link.room_closed": (
        "Open the room first (o on the agenda): the link points to it.",
        "Hãy mở phòng họp trước (o ở chương trình họp): đường dẫn trỏ tới đó.",
    ),
    "link.connected_list": ("Members connected: {names}", "Thành viên đang kết nối: {names}"),
    "link.nobody": ("No member's phone is connected.", "Chưa có điện thoại thành viên nào kết nối."),
    "cards.title": ("Personal ballot links", "Đường dẫn bỏ phiếu cá nhân"),
    "cards.help": (
        "Scan on the laptop's Wi-Fi. Personal: do not lend. Valid for this session only.",
        "Quét khi nối Wi-Fi của máy chủ tọa. Dùng riêng, không cho mượn. Chỉ dùng cho phiên họp này.",
    ),
    "cards.written": (
        "Members' cards written to {path}. They hold the links: delete the file once printed.",
        "Đã ghi thẻ thành viên vào {path}. Tệp chứa đường dẫn: hãy xóa sau khi in.",
    ),
    "cards.confirm": (
        "Print new cards? Every member gets a new link; earlier links and cards stop working.",
        "In thẻ mới? Mỗi thành viên được cấp đường dẫn mới; đường dẫn và thẻ cũ hết hiệu lực.",
    ),
    "word.details": ("About this initiative", "Thông tin sáng kiến"),
    "word.received": ("Your ballot has been recorded.", "Phiếu của bạn đã được ghi nhận."),
    "room.error_certificate": (
        "The room's certificate could not be made or kept ({detail}); nothing was opened.",
        "Không tạo hoặc lưu được chứng chỉ của phòng họp ({detail}); chưa mở gì.",
    ),
    "room.https_on": (
        "HTTPS: on. Phones warn once: check that the certificate's fingerprint is {fingerprint}",
        "HTTPS: bật. Điện thoại sẽ cảnh báo một lần: hãy kiểm tra dấu vân tay chứng chỉ là {fingerprint}",
    ),
    "room.https_chosen": (
        "HTTPS: on (a certificate made on this laptop; phones warn once).",
        "HTTPS: bật (chứng chỉ tạo trên máy này; điện thoại cảnh báo một lần).",
    ),
    "room.https_off": (
        "HTTPS: off (s turns it on, for a Wi-Fi others can watch).",
        "HTTPS: tắt (s để bật, khi Wi-Fi có thể bị người khác theo dõi).",
    ),
    "does.room.https": (
        "Serve the room over HTTPS with a certificate made on this laptop (choose before opening)",
        "Phục vụ phòng họp qua HTTPS bằng chứng chỉ tạo trên máy này (chọn trước khi mở)",
    ),
}
