"""User-visible strings of the decision modes (booth, scoring, paper, rulebooks), as key: (English, Vietnamese)."""

MESSAGES: dict[str, tuple[str, str]] = {
    "error.pin_wrong": ("That PIN is not right; try again.", "Mã PIN không đúng; hãy thử lại."),
    "error.already_voted": ("{name} has already voted in this poll.", "{name} đã bỏ phiếu trong lần biểu quyết này."),
    "error.sheet_already_in": (
        "{name} has already handed in a sheet. A stored sheet is sealed without its name: it cannot be shown or changed.",
        "{name} đã nộp phiếu chấm. Phiếu đã lưu được niêm phong, không kèm tên: không thể xem hay sửa.",
    ),
    "error.booth_secret_wrong": (
        "That is not the booth secret; nothing was changed.",
        "Mật khẩu phòng bỏ phiếu không đúng; không có gì thay đổi.",
    ),
    "error.booth_secret_short": (
        "The booth secret needs at least {minimum} characters.",
        "Mật khẩu phòng bỏ phiếu cần ít nhất {minimum} ký tự.",
    ),
    "error.secrets_differ": ("The two secrets differ; type them again.", "Hai lần nhập không khớp; hãy nhập lại."),
    "error.booth_locked": (
        "The ballot box is sealed: the chair opens the booth (b) with the booth secret first.",
        "Hòm phiếu đang niêm phong: Chủ tịch mở phòng bỏ phiếu (b) bằng mật khẩu trước.",
    ),
    "error.booth_secret_needed": (
        "The ballot box is sealed: type the booth secret to count it.",
        "Hòm phiếu đang niêm phong: nhập mật khẩu phòng bỏ phiếu để kiểm phiếu.",
    ),
    "error.box_damaged": (
        "The ballot box {path} cannot be read; nothing was changed. Reset the poll (x) and vote again.",
        "Không đọc được hòm phiếu {path}; không có gì thay đổi. Hãy hủy (x) và bỏ phiếu lại.",
    ),
    "error.box_changed": (
        "The ballot box {path} was changed outside council; nothing was changed. Reset the poll (x) and vote again.",
        "Hòm phiếu {path} đã bị thay đổi ngoài council; không có gì thay đổi. Hãy hủy (x) và bỏ phiếu lại.",
    ),
    "error.sheet_too_long": (
        "The comment is too long for a scoring sheet; shorten it.",
        "Nhận xét quá dài so với phiếu chấm; hãy rút gọn.",
    ),
    "error.score_missing": ("Give a score for {criterion}.", "Hãy chấm điểm tiêu chí {criterion}."),
    "error.score_range": (
        "{criterion}: {value} is outside 0 to {max}.",
        "{criterion}: {value} nằm ngoài khoảng 0 đến {max}.",
    ),
    "error.paper_issued": (
        "{issued} ballots issued, but only {present} members present may vote.",
        "Số phiếu phát ra ({issued}) lớn hơn số thành viên có mặt được biểu quyết ({present}).",
    ),
    "error.paper_returned": (
        "{returned} ballots returned, more than the {issued} issued.",
        "Số phiếu thu vào ({returned}) lớn hơn số phiếu phát ra ({issued}).",
    ),
    "error.paper_valid": (
        "Valid {valid} + invalid {invalid} must equal the {returned} returned.",
        "Phiếu hợp lệ {valid} + không hợp lệ {invalid} phải bằng số phiếu thu vào {returned}.",
    ),
    "error.paper_choices": (
        "Yes {yes} + no {no} + abstain {abstain} must equal the {valid} valid ballots.",
        "Đồng ý {yes} + không đồng ý {no} + không biểu quyết {abstain} phải bằng số phiếu hợp lệ {valid}.",
    ),
    "error.paper_missing": ("Type the paper counts first.", "Hãy nhập kết quả kiểm phiếu trước."),
    "error.rules_after_open": (
        "The rules can only be changed before the meeting starts.",
        "Chỉ được thay đổi quy chế trước khi khai mạc phiên họp.",
    ),
    "col.ballot": ("Ballot", "Phiếu"),
    # --- choosing a mode
    "mode.pick": ("How does the council decide on {code}?", "Hội đồng quyết định {code} bằng hình thức nào?"),
    "mode.open_help": ("the chair records each member's vote", "Chủ tịch ghi ý kiến từng thành viên"),
    "mode.secret_help": (
        "members vote in turn in the booth on this laptop",
        "thành viên lần lượt bỏ phiếu trên máy này",
    ),
    "mode.scoring_help": ("each member fills a scoring sheet", "mỗi thành viên chấm điểm theo tiêu chí"),
    "mode.paper_help": ("ballots counted on paper, counts typed in", "kiểm phiếu giấy, nhập kết quả"),
    # --- open vote extras
    "vote.needed_sheets": ("{needed} eligible sheets needed to pass", "Cần {needed} phiếu chấm đạt để thông qua"),
    "vote.needed_mean": (
        "Passes with a mean total of {threshold} or more",
        "Thông qua khi tổng điểm trung bình từ {threshold}",
    ),
    "vote.scoring_closed_passed": ("Scoring closed: passed.", "Đã kết thúc chấm điểm: đạt."),
    "vote.scoring_closed_failed": ("Scoring closed: not passed.", "Đã kết thúc chấm điểm: không đạt."),
    "rule.summary_sheets": (
        "eligible sheets (total ≥ {minimum}): {threshold} of {base}",
        "phiếu chấm đạt (tổng điểm từ {minimum}) {threshold} {base}",
    ),
    "rule.summary_mean": ("mean total: at least {threshold}", "tổng điểm trung bình từ {threshold}"),
    "detail.sheets": (
        "Sheets {sheets} · eligible (≥ {minimum}) {eligible} · mean total {mean}",
        "Phiếu chấm {sheets} · phiếu đạt (từ {minimum} điểm) {eligible} · tổng điểm trung bình {mean}",
    ),
    "status.scored_passed": ("scored: passed", "đã chấm điểm: đạt"),
    "status.scored_failed": ("scored: not passed", "đã chấm điểm: không đạt"),
    "error.sheets_missing": (
        "{count} member(s) have not handed in a scoring sheet yet. Close the scoring anyway?",
        "Còn {count} thành viên chưa nộp phiếu chấm. Vẫn kết thúc chấm điểm?",
    ),
    "overview.sheet_in": ("sheet in", "đã nộp phiếu"),
    "overview.progress_sheets": ("{voted} of {total} sheets in", "Đã nộp phiếu chấm: {voted}/{total}"),
    "minutes.sheets_in": ("Members who handed in a sheet: ", "Thành viên đã nộp phiếu chấm: "),
    "minutes.scoring_result": ("Result of the scoring: ", "Kết quả chấm điểm: "),
    "vote.reset_reason": ("Why is this poll cancelled and retaken?", "Lý do hủy và biểu quyết lại?"),
    "vote.reset_done": (
        "The poll was cancelled; it stays on record.",
        "Đã hủy lần biểu quyết; vẫn được lưu trong biên bản.",
    ),
    "vote.everyone_yes_done": (
        "Everyone present voted yes; correct single votes with y, n, a.",
        "Tất cả thành viên có mặt đồng ý; sửa từng phiếu bằng y, n, a.",
    ),
    "vote.nothing_to_undo": ("Nothing to undo.", "Không có gì để hoàn tác."),
    # --- ballot overview and booth
    "overview.hint_secret": (
        "b opens the booth; members vote in turn. Nobody sees a tally until the poll is closed.",
        "Nhấn b để mở phòng bỏ phiếu; các thành viên lần lượt bỏ phiếu. Không ai thấy kết quả trước khi kết thúc.",
    ),
    "overview.hint_scoring": (
        "b opens the booth for private sheets; enter types the selected member's paper sheet.",
        "Nhấn b để thành viên tự chấm trong phòng bỏ phiếu; enter để nhập phiếu chấm giấy của thành viên đang chọn.",
    ),
    "overview.hint_closed": (
        "The poll is closed; its result is shown beside the list.",
        "Đã kết thúc bỏ phiếu; kết quả hiện bên cạnh danh sách.",
    ),
    "overview.voted": ("voted", "đã bỏ phiếu"),
    "overview.progress": ("{voted} of {total} have voted", "Đã bỏ phiếu: {voted}/{total}"),
    "overview.no_tally": ("No tally is shown until the poll is closed.", "Kết quả chỉ hiện khi kết thúc bỏ phiếu."),
    "booth.title": ("SECRET BALLOT", "BỎ PHIẾU KÍN"),
    "booth.pick_name": ("Choose your name and press Enter.", "Chọn tên của bạn và nhấn Enter."),
    "booth.all_voted": (
        "Everyone has voted. Please hand the laptop back to the chair.",
        "Tất cả thành viên đã bỏ phiếu. Xin chuyển máy lại cho Chủ tịch.",
    ),
    "booth.chair_leaves": (
        "Chair: ctrl+x and the booth secret to leave the booth.",
        "Chủ tịch: ctrl+x và mật khẩu phòng bỏ phiếu để rời phòng.",
    ),
    "booth.secret_new": (
        "Chair: choose the booth secret (at least {minimum} characters). It seals the ballot box: it is needed"
        " to leave the booth, to count the ballots and to resume after a restart, and nobody can recover it.",
        "Chủ tịch: đặt mật khẩu phòng bỏ phiếu (ít nhất {minimum} ký tự). Mật khẩu niêm phong hòm phiếu: cần"
        " để rời phòng bỏ phiếu, kiểm phiếu và tiếp tục sau khi khởi động lại; không ai khôi phục được.",
    ),
    "booth.secret_repeat": ("Type the booth secret again:", "Nhập lại mật khẩu phòng bỏ phiếu:"),
    "booth.secret_resume": (
        "Chair: type the booth secret to open the ballot box:",
        "Chủ tịch: nhập mật khẩu phòng bỏ phiếu để mở hòm phiếu:",
    ),
    "booth.chair_secret": (
        "Chair: type the booth secret to leave the booth:",
        "Chủ tịch: nhập mật khẩu phòng bỏ phiếu để rời phòng:",
    ),
    "booth.leave_refused": (
        "That is not the booth secret: the booth stays open. Wrong tries are counted in the minutes.",
        "Mật khẩu không đúng: phòng bỏ phiếu vẫn mở. Số lần nhập sai được ghi vào biên bản.",
    ),
    "booth.quit_open": (
        "A secret ballot is still open. Quit anyway? The ballots cast are kept; the booth secret resumes it.",
        "Đang bỏ phiếu kín. Vẫn thoát? Các phiếu đã bỏ được giữ lại; mật khẩu phòng bỏ phiếu cho phép tiếp tục.",
    ),
    "booth.quit_anyway": ("Quit", "Thoát"),
    "booth.pin_for": ("{name}, type your PIN and press Enter:", "{name}, nhập mã PIN và nhấn Enter:"),
    "booth.chair_pin": ("Chair's PIN to leave the booth:", "Mã PIN của Chủ tịch để rời phòng bỏ phiếu:"),
    "booth.ballot_for": ("Ballot of {name}", "Phiếu của {name}"),
    "booth.ballot_keys": (
        "Press y, n or a (or choose with the arrows and Enter).",
        "Nhấn y, n hoặc a (hoặc chọn bằng phím mũi tên và Enter).",
    ),
    "booth.confirm": ("Confirm my vote", "Xác nhận phiếu"),
    "booth.confirm_choice": (
        "You chose: {choice}. Press Enter to confirm, or choose again.",
        "Bạn chọn: {choice}. Nhấn Enter để xác nhận, hoặc chọn lại.",
    ),
    "booth.received": ("Your vote has been received.", "Phiếu của bạn đã được ghi nhận."),
    "booth.sheet_received": ("Your scoring sheet has been received.", "Phiếu chấm của bạn đã được ghi nhận."),
    "booth.title_scoring": ("SCORING SHEETS", "PHIẾU CHẤM ĐIỂM"),
    "booth.all_sheets_in": (
        "Everyone has handed in a sheet. Please hand the laptop back to the chair.",
        "Tất cả thành viên đã nộp phiếu chấm. Xin chuyển máy lại cho Chủ tịch.",
    ),
    "booth.pass_on": (
        "Please pass the laptop to the next member, who presses Enter.",
        "Xin chuyển máy cho thành viên tiếp theo, rồi nhấn Enter.",
    ),
    # --- scoring sheet
    "sheet.title": ("Scoring sheet: {name}", "Phiếu chấm điểm: {name}"),
    "sheet.comment": ("Comment", "Nhận xét"),
    "sheet.total": ("Total: {total}", "Tổng điểm: {total}"),
    "sheet.keys": ("ctrl+s submits the sheet; esc goes back.", "ctrl+s để nộp phiếu; esc để quay lại."),
    "sheet.numbers_only": ("Scores are whole numbers.", "Điểm phải là số nguyên."),
    "sheet.stored": ("Sheet stored.", "Đã lưu phiếu chấm."),
    "sheet.discard": (
        "Leave this sheet? What was typed on it is lost; nothing is stored.",
        "Rời phiếu chấm này? Những gì đã nhập sẽ mất; không có gì được lưu.",
    ),
    "sheet.discard_confirm": ("Discard the sheet", "Bỏ phiếu đang nhập"),
    "score.criterion_mean": ("{name}: mean {mean} of {max}", "{name}: trung bình {mean}/{max}"),
    "score.mean_total": ("Mean total: {mean}", "Tổng điểm trung bình: {mean}"),
    "score.range": (
        "Lowest {minimum}, highest {maximum}, spread {spread}",
        "Thấp nhất {minimum}, cao nhất {maximum}, chênh lệch {spread}",
    ),
    "score.spread_flag": (
        "The members disagree strongly (large spread).",
        "Ý kiến các thành viên chênh lệch lớn.",
    ),
    "score.eligible": (
        "Eligible sheets (total ≥ {minimum}): {eligible} of {sheets}",
        "Số phiếu đạt (tổng điểm ≥ {minimum}): {eligible}/{sheets}",
    ),
    "score.grade": ("Grade: {grade}", "Xếp loại: {grade}"),
    # --- paper tally
    "paper.issued": ("Ballots issued", "Số phiếu phát ra"),
    "paper.returned": ("Ballots returned", "Số phiếu thu vào"),
    "paper.valid": ("Valid", "Phiếu hợp lệ"),
    "paper.invalid": ("Invalid", "Phiếu không hợp lệ"),
    "paper.yes": ("Yes", "Đồng ý"),
    "paper.no": ("No", "Không đồng ý"),
    "paper.abstain": ("Abstain", "Không biểu quyết"),
    "paper.eligible_present": ("Members present who may vote: {count}", "Thành viên có mặt được biểu quyết: {count}"),
    "paper.recorded": ("Counts recorded; c closes the poll.", "Đã ghi kết quả kiểm phiếu; nhấn c để kết thúc."),
    "paper.summary": (
        "Issued {issued}, returned {returned}, valid {valid}, invalid {invalid}",
        "Phát ra {issued}, thu vào {returned}, hợp lệ {valid}, không hợp lệ {invalid}",
    ),
    # --- recusal
    "recuse.title": ("Recuse a member from {code}", "Không cho thành viên biểu quyết {code}"),
    "recuse.reason": ("Conflict of interest", "Lý do xung đột lợi ích"),
    "recuse.confirm": ("Recuse", "Xác nhận"),
    "recuse.pick_member": ("Choose a member.", "Hãy chọn thành viên."),
    "recuse.done": ("{name} will not vote on this initiative.", "{name} sẽ không biểu quyết sáng kiến này."),
    # --- rulebook
    "rules.title": ("Rules of this session", "Quy chế của phiên họp"),
    "rules.presets": ("Presets (enter applies)", "Các mẫu quy chế (enter để áp dụng)"),
    "rules.edit": ("Edit (ctrl+s saves)", "Chỉnh sửa (ctrl+s để lưu)"),
    "rules.f_quorum": ("Quorum (share of members)", "Số lượng tối thiểu (tỷ lệ)"),
    "rules.f_threshold": ("Passing share", "Tỷ lệ thông qua"),
    "rules.f_strict": ("More than the share (not 'at least')", "Trên tỷ lệ (không phải 'ít nhất')"),
    "rules.f_base": ("Share of", "Tính trên"),
    "rules.f_scoring": ("Scoring passes by", "Chấm điểm thông qua theo"),
    "rules.f_sheet_min": ("A sheet is eligible from", "Phiếu chấm đạt từ"),
    "rules.f_mean": ("Mean score threshold", "Ngưỡng điểm trung bình"),
    "rules.scoring_eligible_sheets": ("eligible sheets", "số phiếu chấm đạt"),
    "rules.scoring_mean_threshold": ("mean score", "điểm trung bình"),
    "rules.applied": ("Rules set to: {name}.", "Đã áp dụng quy chế: {name}."),
    "rules.saved": ("Rules saved.", "Đã lưu quy chế."),
    "rules.preset": ("Rulebook: {name}", "Quy chế: {name}"),
    "rules.quorum": (
        "Quorum: {threshold} of the voting members must be present.",
        "Số lượng: phải có mặt {threshold} số thành viên có quyền biểu quyết.",
    ),
    "rules.passing": ("Passing: {rule}.", "Thông qua: {rule}."),
    "rules.abstentions_excluded": ("Abstentions are not counted.", "Phiếu không biểu quyết không được tính."),
    "rules.tie_fails": ("A tie fails.", "Số phiếu ngang nhau thì không thông qua."),
    "rules.criteria": ("Scoring criteria: {criteria}.", "Tiêu chí chấm điểm: {criteria}."),
    "rules.sheet_eligible": (
        "A scoring sheet is eligible from {minimum} points.",
        "Phiếu chấm đạt khi tổng điểm từ {minimum}.",
    ),
    "rules.scoring_mean": (
        "Scoring passes when the mean total reaches {threshold}.",
        "Chấm điểm thông qua khi điểm trung bình từ {threshold}.",
    ),
    "rules.scoring_sheets": (
        "Scoring passes when eligible sheets are {threshold} of {base}.",
        "Chấm điểm thông qua khi số phiếu đạt {threshold} {base}.",
    ),
    "rules.grades": ("Grades: {grades}.", "Xếp loại: {grades}."),
    "rules.spread": (
        "A spread of {spread} points or more is flagged.",
        "Chênh lệch từ {spread} điểm trở lên được cảnh báo.",
    ),
    "preset.circular18": ("Circular 18 (default)", "Thông tư 18 (mặc định)"),
    "preset.two_thirds_present": ("Two-thirds of those present", "Hai phần ba số có mặt"),
    "preset.simple_majority": ("Simple majority of votes cast", "Đa số phiếu biểu quyết"),
    "preset.absolute_majority": ("Absolute majority of all members", "Quá nửa tổng số thành viên"),
    "preset.unanimity": ("Unanimity", "Nhất trí hoàn toàn"),
    "preset.mean_score": ("Mean score threshold", "Ngưỡng điểm trung bình"),
    "preset.custom": ("Custom", "Tùy chỉnh"),
    "error.fraction": ("'{text}' is not a share such as 2/3 or 1/2.", "'{text}' không phải tỷ lệ như 2/3 hoặc 1/2."),
    # --- minutes of the modes
    "minutes.secret_voted": ("Members who voted (not how): ", "Thành viên đã bỏ phiếu (không ghi ý kiến): "),
    "rule.sentence_sheets": (
        "eligible sheets must be {threshold} of {base}: {base_count}, so {needed} needed; {yes} eligible.",
        "số phiếu chấm đạt phải {threshold} {base}: {base_count}, cần {needed} phiếu; có {yes} phiếu đạt.",
    ),
    "rule.sentence_mean": (
        "the mean total must reach {threshold}: it is {mean}.",
        "điểm trung bình phải đạt từ {threshold}: đạt {mean}.",
    ),
    "minutes.paper_counts": (
        "Ballots issued {issued}, returned {returned}, valid {valid}, invalid {invalid}.",
        "Số phiếu phát ra {issued}, thu vào {returned}, hợp lệ {valid}, không hợp lệ {invalid}.",
    ),
    "minutes.score_total": ("Total", "Tổng điểm"),
    "minutes.score_summary": (
        "{sheets} sheets; lowest {minimum}, highest {maximum}, spread {spread}; {eligible} sheets eligible (≥ {threshold} points).",
        "{sheets} phiếu chấm; thấp nhất {minimum}, cao nhất {maximum}, chênh lệch {spread}; {eligible} phiếu đạt (từ {threshold} điểm).",
    ),
    "minutes.grade": ("Grade: ", "Xếp loại: "),
    "col.criterion": ("Criterion", "Tiêu chí"),
    "col.max": ("Maximum", "Điểm tối đa"),
    "col.mean": ("Mean", "Điểm trung bình"),
    "rule.all": ("all", "toàn bộ"),
    "cli.rules_help": ("print the council's rules and the presets", "in quy chế của hội đồng và các mẫu quy chế"),
    "cli.rules_council": ("Rules of {council}:", "Quy chế của {council}:"),
    "cli.rules_presets": (
        "Presets a chair can pick in the app (g on the agenda):",
        "Các mẫu quy chế có thể chọn trong ứng dụng (phím g ở chương trình họp):",
    ),
    "error.recuse_after_poll": (
        "A poll on this initiative is open; recuse before opening the poll.",
        "Đang biểu quyết sáng kiến này; hãy xác định thành viên không biểu quyết trước khi mở biểu quyết.",
    ),
}
