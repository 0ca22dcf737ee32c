"""User-visible strings of the exports area, as key: (English, Vietnamese)."""

MESSAGES: dict[str, tuple[str, str]] = {
    # --- printed minutes (docx, pdf)
    "printed.sign_hint": ("(Signature and full name)", "(Ký, ghi rõ họ tên)"),
    "printed.author": ("council", "council"),
    # --- minutes: what issue 16 added
    "minutes.as_typed": (
        "English version of the minutes. Names, titles, remarks and other content typed in Vietnamese are given as typed.",
        "Bản tiếng Anh của biên bản; tên, chức danh, ý kiến và các nội dung nhập bằng tiếng Việt được giữ nguyên.",
    ),
    "minutes.basis_decree_13": (
        "Pursuant to Decree No. 13/2012/NĐ-CP of 2 March 2012 of the Government promulgating the Regulation on Initiatives;",
        "Căn cứ Nghị định số 13/2012/NĐ-CP ngày 02 tháng 3 năm 2012 của Chính phủ ban hành Điều lệ Sáng kiến;",
    ),
    "minutes.basis_circular_18": (
        "Pursuant to Circular No. 18/2013/TT-BKHCN of 1 August 2013 of the Ministry of Science and Technology guiding the Regulation on Initiatives;",
        "Căn cứ Thông tư số 18/2013/TT-BKHCN ngày 01 tháng 8 năm 2013 của Bộ Khoa học và Công nghệ hướng dẫn thi hành một số quy định của Điều lệ Sáng kiến;",
    ),
    "minutes.eligible_all": (
        "{present} of the {members} voting members present, all entitled to vote.",
        "Có mặt {present}/{members} thành viên có quyền biểu quyết.",
    ),
    "minutes.eligible_some": (
        "{eligible} of the {members} voting members entitled to vote ({recused} not taking part), {present} of them present.",
        "{eligible}/{members} thành viên được biểu quyết ({recused} không tham gia), trong đó {present} người có mặt.",
    ),
    "minutes.rule_votes": (
        "yes votes must be {threshold} of {base}: {arithmetic} → {needed} needed; {yes} yes.",
        "số phiếu đồng ý phải đạt {threshold} {base}: {arithmetic} → cần {needed}; có {yes} phiếu đồng ý.",
    ),
    "minutes.rule_sheets": (
        "eligible sheets must be {threshold} of {base}: {arithmetic} → {needed} needed; {yes} eligible.",
        "số phiếu chấm đạt phải {threshold} {base}: {arithmetic} → cần {needed}; có {yes} phiếu đạt.",
    ),
    "minutes.benefit_described": ("Benefit as described in the application: ", "Mô tả hiệu quả: "),
    "minutes.outcomes_list": ("Outcome for each initiative:", "Kết quả xem xét các sáng kiến:"),
    "col.outcome": ("Outcome", "Kết luận"),
    "col.reason": ("Reason", "Lý do"),
    "noun.member": ("member|members", "thành viên"),
    "noun.vote": ("vote|votes", "phiếu"),
    "noun.initiative": ("initiative|initiatives", "sáng kiến"),
    "noun.recognised_initiative": ("recognised initiative|recognised initiatives", "sáng kiến"),
    "noun.copy": ("copy|copies", "bản"),
    "noun.session": ("session|sessions", "phiên họp"),
    "noun.unit": ("unit|units", "đơn vị"),
    # --- recognition list (xlsx, csv)
    "recognition.title": ("LIST OF RECOGNISED INITIATIVES", "DANH SÁCH SÁNG KIẾN ĐƯỢC CÔNG NHẬN"),
    "recognition.attached": (
        "(Attached to the minutes of the {council} meeting of {date})",
        "(Kèm theo Biên bản họp {council} ngày {date})",
    ),
    "recognition.sheet": ("Recognised", "Được công nhận"),
    "cli.separator_help": (
        "between the fields of a CSV file: comma, or semicolon for Excel on Vietnamese regional settings",
        "dấu phân cách các cột của tệp CSV: comma (dấu phẩy), hoặc semicolon (dấu chấm phẩy) cho Excel cài đặt vùng Việt Nam",
    ),
    "recognition.col_field": ("Field", "Lĩnh vực"),
    "recognition.col_decision": ("Recognition decision (number, date)", "Quyết định công nhận (số, ngày)"),
    "recognition.decision": ("No. {number} of {date}", "Số {number} ngày {date}"),
    "recognition.col_author": ("Author", "Họ và tên tác giả"),
    "recognition.col_birth": ("Date of birth", "Ngày sinh"),
    "recognition.col_workplace": ("Workplace", "Nơi công tác"),
    "recognition.col_position": ("Position", "Chức danh"),
    "recognition.col_qualification": ("Qualification", "Trình độ chuyên môn"),
    "recognition.col_share": ("Share (%)", "Tỷ lệ đóng góp (%)"),
    "recognition.authors_sheet": ("Authors", "Tác giả"),
    "recognition.authors_title": (
        "AUTHORS OF THE RECOGNISED INITIATIVES",
        "DANH SÁCH TÁC GIẢ CÁC SÁNG KIẾN ĐƯỢC CÔNG NHẬN",
    ),
    "recognition.sign_preparer": ("PREPARED BY", "NGƯỜI LẬP BIỂU"),
    "recognition.footer": ("Page &P of &N", "Trang &P/&N"),
    "recognition.authors_filename": ("recognised-authors", "tac-gia-cong-nhan"),
    "recognition.col_category": ("Category", "Nhóm"),
    "recognition.col_type": ("Type", "Loại giải pháp"),
    "recognition.col_scope": ("Scope of influence", "Phạm vi ảnh hưởng"),
    "recognition.col_award": ("Proposed award", "Đề xuất khen thưởng"),
    "recognition.col_benefit": ("Confirmed benefit (VND)", "Giá trị làm lợi được xác nhận (đồng)"),
    "recognition.unquantified": (
        "Recognised initiatives whose benefit cannot be quantified: {count}",
        "Số sáng kiến có hiệu quả không tính được thành tiền: {count}",
    ),
    "recognition.filename": ("recognised", "danh-sach-cong-nhan"),
    # --- statistics
    "statistics.help": (
        "count initiatives and benefit by category, type, unit and outcome",
        "thống kê sáng kiến và giá trị làm lợi theo nhóm, loại, đơn vị và kết quả",
    ),
    "statistics.session_help": (
        "a session to include (repeat for several; default: all sessions)",
        "phiên họp cần thống kê (lặp lại cho nhiều phiên; mặc định: tất cả)",
    ),
    "statistics.format_help": ("table (printed), xlsx or csv", "table (in ra màn hình), xlsx hoặc csv"),
    "statistics.output_help": (
        "the file to write, in a folder that exists; - for standard output",
        "tệp cần ghi, trong một thư mục có sẵn; - để ghi ra đầu ra chuẩn",
    ),
    "statistics.no_sessions": ("There are no sessions in {path}.", "Thư mục {path} chưa có phiên họp nào."),
    "statistics.title": ("INITIATIVE STATISTICS", "THỐNG KÊ SÁNG KIẾN"),
    "statistics.sessions": ("Sessions of {sessions}", "Các phiên họp ngày {sessions}"),
    "statistics.unit": ("Unit: {unit}", "Đơn vị: {unit}"),
    "statistics.period": ("Period: from {first} to {last}", "Thời gian: từ ngày {first} đến ngày {last}"),
    "statistics.period_one": ("Period: {date}", "Thời gian: ngày {date}"),
    "statistics.headline": (
        "{count} recognised, from {units}: {categories}.",
        "{count} được công nhận của {units}, gồm: {categories}.",
    ),
    "statistics.summary": (
        "Submitted: {count} from {units} in {sessions}: {categories}.",
        "Tổng số sáng kiến được xét: {count} của {units} trong {sessions}, gồm: {categories}.",
    ),
    "statistics.no_decided": (
        "No session in {path} is closed yet: the statistics count decided sessions. Add --all to count every session.",
        "Thư mục {path} chưa có phiên họp nào đã kết thúc: thống kê chỉ tính các phiên đã kết luận. Thêm --all để tính mọi phiên họp.",
    ),
    "statistics.all_help": (
        "count every session, not only the closed ones",
        "tính mọi phiên họp, không chỉ các phiên đã kết thúc",
    ),
    "statistics.summary_item": ("{count} {label}", "{count} {label}"),
    "statistics.outcomes": (
        "{recognised} recognised, {refused} not recognised, {deferred} deferred, {undecided} without a conclusion.",
        "Công nhận {recognised}, không công nhận {refused}, hoãn xem xét {deferred}, chưa kết luận {undecided}.",
    ),
    "statistics.benefit": (
        "Benefit confirmed for recognised initiatives: {amount}; {unquantified} with a benefit that cannot be quantified.",
        "Giá trị làm lợi của các sáng kiến được công nhận: {amount}; {unquantified} có hiệu quả không tính được thành tiền.",
    ),
    "statistics.by_category": ("By category", "Theo nhóm"),
    "statistics.by_type": ("By legal type", "Theo loại giải pháp"),
    "statistics.by_unit": ("By unit", "Theo đơn vị"),
    "statistics.by_outcome": ("By outcome", "Theo kết quả"),
    "statistics.col_section": ("Breakdown", "Phân loại"),
    "statistics.col_group": ("Group", "Nội dung"),
    "statistics.col_count": ("Initiatives", "Số sáng kiến"),
    "statistics.col_recognised": ("Recognised", "Được công nhận"),
    "statistics.col_benefit": ("Benefit confirmed (VND)", "Giá trị làm lợi (đồng)"),
    "statistics.col_unquantified": ("Not quantifiable", "Không tính được thành tiền"),
    "statistics.no_category": ("(no category)", "(chưa phân nhóm)"),
    "statistics.no_unit": ("(no unit)", "(chưa ghi đơn vị)"),
    "statistics.sheet": ("Statistics", "Thống kê"),
    "statistics.filename": ("statistics", "thong-ke"),
}
