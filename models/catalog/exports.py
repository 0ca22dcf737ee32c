"""User-visible strings of the exports area, as key: (English, Vietnamese)."""

MESSAGES: dict[str, tuple[str, str]] = {
    # --- printed minutes (docx, pdf)
    "printed.sign_hint": ("(Signature and full name)", "(Ký, ghi rõ họ tên)"),
    "printed.author": ("council", "council"),
    # --- recognition list (xlsx, csv)
    "recognition.title": ("LIST OF RECOGNISED INITIATIVES", "DANH SÁCH SÁNG KIẾN ĐƯỢC CÔNG NHẬN"),
    "recognition.attached": (
        "(Attached to the minutes of the {council} meeting of {date})",
        "(Kèm theo Biên bản họp {council} ngày {date})",
    ),
    "recognition.sheet": ("Recognised", "Được công nhận"),
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
    "statistics.output_help": ("the file to write", "tệp cần ghi"),
    "statistics.no_sessions": ("There are no sessions in {path}.", "Thư mục {path} chưa có phiên họp nào."),
    "statistics.title": ("INITIATIVE STATISTICS", "THỐNG KÊ SÁNG KIẾN"),
    "statistics.sessions": ("Sessions: {sessions}", "Phiên họp: {sessions}"),
    "statistics.summary": (
        "{count} initiatives from {units} units in {sessions} session(s): {categories}.",
        "{count} sáng kiến của {units} đơn vị trong {sessions} phiên họp, gồm: {categories}.",
    ),
    "statistics.summary_item": ("{count} {label}", "{count} {label}"),
    "statistics.outcomes": (
        "{recognised} recognised, {refused} not recognised, {deferred} deferred, {undecided} without a conclusion.",
        "Công nhận {recognised}, không công nhận {refused}, hoãn xem xét {deferred}, chưa kết luận {undecided}.",
    ),
    "statistics.benefit": (
        "Benefit confirmed for recognised initiatives: {amount}; {unquantified} with a benefit that cannot be quantified.",
        "Giá trị làm lợi của các sáng kiến được công nhận: {amount}; {unquantified} sáng kiến có hiệu quả không tính được thành tiền.",
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
