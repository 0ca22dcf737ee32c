"""User-visible strings of preparing a session (forms, import, templates, init), as key: (English, Vietnamese)."""

MESSAGES: dict[str, tuple[str, str]] = {
    # --- what is wrong with a typed value, and what to type instead
    "prep.err.required": ("This field is required.", "Trường này bắt buộc."),
    "prep.err.title_empty": (
        "The title is empty; type the initiative's title.",
        "Chưa có tên sáng kiến; hãy nhập tên.",
    ),
    "prep.err.session_title_empty": (
        "The session has no title; type a title, e.g. 'Session 2 of 2026'.",
        "Phiên họp chưa có tên; hãy nhập tên, ví dụ 'Phiên họp xét công nhận sáng kiến đợt 2 năm 2026'.",
    ),
    "prep.err.name_empty": ("The full name is empty; type it.", "Chưa có họ và tên; hãy nhập họ và tên."),
    "prep.err.code_empty": (
        "The code is empty; type a code such as SK-2026-01.",
        "Chưa có mã số; hãy nhập mã số, ví dụ SK-2026-01.",
    ),
    "prep.err.code_taken": (
        "The code {code} is already used by another initiative of this session; choose another code.",
        "Mã số {code} đã dùng cho sáng kiến khác trong phiên họp này; hãy chọn mã số khác.",
    ),
    "prep.err.title_too_long": (
        "The title has {length} characters; a title may have at most {limit}. Shorten it.",
        "Tên có {length} ký tự; tên chỉ được tối đa {limit} ký tự. Hãy rút gọn.",
    ),
    "prep.err.too_long": ("Too long: at most {limit} characters.", "Quá dài: tối đa {limit} ký tự."),
    "prep.err.time": (
        "'{text}' is not a time; type HH:MM, e.g. 14:00.",
        "'{text}' không phải giờ hợp lệ; hãy nhập dạng HH:MM, ví dụ 14:00.",
    ),
    "prep.err.amount_too_big": (
        "{text} is more than any benefit can be (at most {limit}); check the number.",
        "{text} vượt quá mức giá trị làm lợi có thể có (tối đa {limit}); hãy kiểm tra lại số.",
    ),
    "prep.err.date_range": (
        "{date} is not between {first} and {last}; check the year.",
        "Ngày {date} không nằm trong khoảng từ {first} đến {last}; hãy kiểm tra lại năm.",
    ),
    "prep.err.name_too_long": (
        "The author's name {name} has {length} characters; a name may have at most {limit}: check the column.",
        "Tên tác giả {name} dài {length} ký tự; một tên tối đa {limit} ký tự: hãy kiểm tra lại cột này.",
    ),
    "prep.err.share": (
        "'{text}' is not a share; type a whole percentage from 1 to 100, e.g. 60%.",
        "'{text}' không phải tỷ lệ đóng góp; hãy nhập số phần trăm nguyên từ 1 đến 100, ví dụ 60%.",
    ),
    "prep.err.share_whole": (
        "'{text}': shares are whole percentages; round them so that they add up to 100 (e.g. 34, 33, 33).",
        "'{text}': tỷ lệ phải là số nguyên; hãy làm tròn sao cho tổng bằng 100 (ví dụ 34, 33, 33).",
    ),
    "prep.err.shares_total": (
        "The authors' shares add up to {total}%, not 100%; correct the shares.",
        "Tỷ lệ đóng góp của các tác giả cộng lại {total}%, không phải 100%; hãy sửa lại tỷ lệ.",
    ),
    "prep.err.shares_missing": (
        "Give each author's share ({names} has none), e.g. Nguyễn Văn A (60%); Trần Thị B (40%).",
        "Hãy ghi tỷ lệ đóng góp của từng tác giả ({names} chưa có), ví dụ Nguyễn Văn A (60%); Trần Thị B (40%).",
    ),
    "prep.err.authors_empty": (
        "No author; write the authors with their shares, e.g. Nguyễn Văn A (60%); Trần Thị B (40%).",
        "Chưa có tác giả; hãy ghi tác giả và tỷ lệ đóng góp, ví dụ Nguyễn Văn A (60%); Trần Thị B (40%).",
    ),
    "prep.err.author_chunk": (
        "'{text}' is not an author; write a name and a share, e.g. Nguyễn Văn A (60%), and at most one [member] mark.",
        "'{text}' không phải tác giả hợp lệ; hãy ghi họ tên và tỷ lệ, ví dụ Nguyễn Văn A (60%), và tối đa một dấu [thành viên].",
    ),
    "prep.err.unknown_member": (
        "'{name}' is marked as a council member, but no member matches; write the member's id or seat number in brackets, e.g. [m3] or [3]. Members: {known}.",
        "'{name}' được đánh dấu là thành viên Hội đồng nhưng không khớp thành viên nào; hãy ghi mã hoặc số ghế của thành viên trong ngoặc vuông, ví dụ [m3] hoặc [3]. Thành viên: {known}.",
    ),
    "prep.err.member_twice": (
        "{name}: the same council member is marked twice among the authors.",
        "{name}: một thành viên Hội đồng được đánh dấu hai lần trong danh sách tác giả.",
    ),
    "prep.err.type": (
        "'{text}' is not a type of solution; use one of: {choices}.",
        "'{text}' không phải loại giải pháp; hãy dùng một trong: {choices}.",
    ),
    "prep.err.type_empty": ("Choose the type of solution.", "Hãy chọn loại giải pháp."),
    "prep.err.role": (
        "'{text}' is not a role; use one of: {choices}.",
        "'{text}' không phải vai trò; hãy dùng một trong: {choices}.",
    ),
    "prep.err.seat": (
        "'{text}' is not a seat number; type a whole number from 1 to 99.",
        "'{text}' không phải số ghế; hãy nhập số nguyên từ 1 đến 99.",
    ),
    "prep.err.seat_taken": (
        "Seat {seat} is already taken; choose a free seat.",
        "Số ghế {seat} đã có người; hãy chọn số khác.",
    ),
    "prep.err.seat_shared": (
        "{first} and {second} both have seat {seat}; give each member their own seat.",
        "{first} và {second} cùng số ghế {seat}; mỗi thành viên phải có số ghế riêng.",
    ),
    "prep.err.member_id_shared": (
        "Two members have the id {id}; ids must differ.",
        "Hai thành viên cùng mã {id}; mã phải khác nhau.",
    ),
    "prep.err.two_chairs": (
        "More than one chair ({names}); a council has one chair, make the others vice-chairs or members.",
        "Có nhiều hơn một Chủ tịch ({names}); Hội đồng chỉ có một Chủ tịch, hãy đổi người còn lại thành Phó Chủ tịch hoặc Ủy viên.",
    ),
    "prep.err.two_secretaries": (
        "More than one secretary ({names}); keep one secretary.",
        "Có nhiều hơn một Ủy viên thư ký ({names}); chỉ giữ một thư ký.",
    ),
    "prep.err.yes_no": (
        "'{text}' is neither yes nor no; type có or không.",
        "'{text}' không phải có hoặc không; hãy nhập có hoặc không.",
    ),
    "prep.err.invitee": (
        "'{text}' has no name; write one invitee a line as 'Name, position'.",
        "'{text}' chưa có họ tên; hãy ghi mỗi khách mời một dòng theo dạng 'Họ tên, chức vụ'.",
    ),
    "prep.err.preset": (
        "There is no rulebook '{name}'; choose one of: {choices}.",
        "Không có bộ quy tắc '{name}'; hãy chọn một trong: {choices}.",
    ),
    "prep.err.council_exists": (
        "{path} already holds a council; choose an empty folder, or edit the council in the app.",
        "Thư mục {path} đã có hội đồng; hãy chọn thư mục trống, hoặc sửa thông tin hội đồng trong ứng dụng.",
    ),
    "prep.err.session_id": (
        "'{id}' cannot be a session id; use letters, digits, '.', '-' or '_' (e.g. 2026-11-22).",
        "'{id}' không dùng được làm mã phiên họp; hãy dùng chữ, số, '.', '-' hoặc '_' (ví dụ 2026-11-22).",
    ),
    "prep.err.agenda_fixed": (
        "The meeting has started: the agenda can no longer change; only initiatives not yet voted on can be corrected.",
        "Phiên họp đã bắt đầu: không thể thay đổi chương trình; chỉ sửa được sáng kiến chưa biểu quyết.",
    ),
    "prep.err.already_voted": (
        "Initiative {code} has already been voted on or concluded; its application can no longer be changed.",
        "Sáng kiến {code} đã được biểu quyết hoặc kết luận; không thể sửa hồ sơ nữa.",
    ),
    "prep.err.has_record": (
        "Initiative {code} already has remarks, a recusal or a vote; it cannot be removed.",
        "Sáng kiến {code} đã có nhận xét, người không tham gia biểu quyết hoặc kết quả biểu quyết; không thể xóa.",
    ),
    "prep.err.reorder": (
        "The new order must list exactly the initiatives on the agenda.",
        "Thứ tự mới phải gồm đúng các sáng kiến trong chương trình.",
    ),
    "prep.err.author_member_gone": (
        "Initiative {code}: author {name} is marked as a member who is no longer in the council; correct the initiative first.",
        "Sáng kiến {code}: tác giả {name} được đánh dấu là thành viên không còn trong Hội đồng; hãy sửa sáng kiến trước.",
    ),
    "prep.err.form": ("{count} field(s) need correcting:", "Có {count} trường cần sửa:"),
    # --- form field labels
    "prep.field.initiative.code": ("Code", "Mã số"),
    "prep.field.initiative.title": ("Title", "Tên sáng kiến"),
    "prep.field.initiative.type": ("Type of solution", "Loại giải pháp"),
    "prep.field.initiative.field": ("Field of application", "Lĩnh vực áp dụng"),
    "prep.field.initiative.category": ("Category", "Nhóm"),
    "prep.field.initiative.unit": ("Submitting unit", "Đơn vị"),
    "prep.field.initiative.authors": ("Authors (share)", "Tác giả (tỷ lệ đóng góp)"),
    "prep.field.initiative.first_applied": ("Date first applied", "Ngày áp dụng lần đầu"),
    "prep.field.initiative.description": ("Description", "Mô tả giải pháp"),
    "prep.field.initiative.conditions": ("Conditions needed", "Điều kiện cần thiết để áp dụng"),
    "prep.field.initiative.benefit_text": ("Benefit", "Hiệu quả, lợi ích"),
    "prep.field.initiative.benefit_vnd": ("Benefit in đồng", "Giá trị làm lợi (đồng)"),
    "prep.field.initiative.confidential": ("Confidential parts", "Thông tin cần bảo mật"),
    "prep.field.initiative.first_application_people": (
        "People in the first application",
        "Những người tham gia áp dụng lần đầu",
    ),
    "prep.field.session.title": ("Title", "Tên phiên họp"),
    "prep.field.session.date": ("Date", "Ngày họp"),
    "prep.field.session.place": ("Place", "Địa điểm"),
    "prep.field.session.start_time": ("Start time", "Giờ bắt đầu"),
    "prep.field.session.chair": ("Chaired by", "Chủ trì"),
    "prep.field.session.secretary": ("Secretary", "Thư ký"),
    "prep.field.session.invitees": ("Invitees (one a line: name, position)", "Khách mời (mỗi dòng: họ tên, chức vụ)"),
    "prep.field.member.seat": ("Seat", "Số ghế"),
    "prep.field.member.name": ("Full name", "Họ và tên"),
    "prep.field.member.role": ("Role", "Vai trò"),
    "prep.field.member.title": ("Position", "Chức vụ, chức danh"),
    "prep.field.member.unit": ("Unit", "Đơn vị"),
    "prep.field.member.voting": ("Votes", "Biểu quyết"),
    "prep.field.member.pin": ("Ballot PIN", "Mã PIN bỏ phiếu"),
    "prep.hint.date": ("DD/MM/YYYY", "DD/MM/YYYY"),
    "prep.hint.first_applied": ("DD/MM/YYYY", "DD/MM/YYYY"),
    "prep.hint.start_time": ("HH:MM, e.g. 14:00", "HH:MM, ví dụ 14:00"),
    "prep.hint.benefit_vnd": (
        "e.g. 86.500.000, or blank if it cannot be quantified",
        "ví dụ 86.500.000, để trống nếu không tính được",
    ),
    "prep.hint.authors": ("Nguyễn Văn A (60%); Trần Thị B (40%) [m3]", "Nguyễn Văn A (60%); Trần Thị B (40%) [m3]"),
    "prep.hint.code": ("e.g. SK-2026-01", "ví dụ SK-2026-01"),
    # --- import: where, and what is wrong
    "prep.import.where_sheet": ('sheet "{sheet}"', 'trang "{sheet}"'),
    "prep.import.where_row": ("row {row}", "dòng {row}"),
    "prep.import.where_column": ("column {column}{header}", "cột {column}{header}"),
    "prep.import.no_file": ("There is no file {path}.", "Không có tệp {path}."),
    "prep.import.empty": (
        "{name} is empty; fill in the template (`council template`) and try again.",
        "Tệp {name} trống; hãy điền mẫu (`council template`) rồi thử lại.",
    ),
    "prep.import.not_spreadsheet": (
        "{name} is not a spreadsheet; save it as .xlsx or .csv and try again.",
        "Tệp {name} không phải bảng tính; hãy lưu dưới dạng .xlsx hoặc .csv rồi thử lại.",
    ),
    "prep.import.not_xlsx": (
        "{name} cannot be read as an Excel workbook (it may be damaged or of another kind); save it again as .xlsx or .csv.",
        "Không đọc được tệp {name} như bảng tính Excel (tệp có thể hỏng hoặc khác định dạng); hãy lưu lại dưới dạng .xlsx hoặc .csv.",
    ),
    "prep.import.old_xls": (
        "{name} is in the old Excel format (.xls); open it in Excel and save it as .xlsx.",
        "Tệp {name} ở định dạng Excel cũ (.xls); hãy mở bằng Excel và lưu lại dưới dạng .xlsx.",
    ),
    "prep.import.too_big": (
        "The file is {size} MB; files up to {limit} MB can be imported.",
        "Tệp dung lượng {size} MB; chỉ nhập được tệp tối đa {limit} MB.",
    ),
    "prep.import.zip_too_big": (
        "{name} unpacks to {size} MB; a workbook may unpack to at most {limit} MB.",
        "Tệp {name} khi giải nén lên tới {size} MB; bảng tính chỉ được giải nén tối đa {limit} MB.",
    ),
    "prep.import.zip_part_too_big": (
        "The part {part} of {name} unpacks to {size} MB; one part may be at most {limit} MB.",
        "Phần {part} của tệp {name} khi giải nén lên tới {size} MB; mỗi phần chỉ được tối đa {limit} MB.",
    ),
    "prep.import.zip_ratio": (
        "The part {part} of {name} is compressed {ratio} times (at most {limit} times is accepted): it is not an "
        "ordinary spreadsheet. Open it in Excel and save it again.",
        "Phần {part} của tệp {name} bị nén {ratio} lần (chỉ chấp nhận tối đa {limit} lần): đây không phải bảng tính "
        "thông thường. Hãy mở bằng Excel và lưu lại.",
    ),
    "prep.import.zip_parts": (
        "{name} holds {count} parts; a workbook may hold at most {limit}.",
        "Tệp {name} chứa {count} phần; bảng tính chỉ được chứa tối đa {limit} phần.",
    ),
    "prep.import.too_many_cells": (
        "The sheet {part} of {name} holds {count} cells; a sheet may hold at most {limit}.",
        "Trang {part} của tệp {name} chứa {count} ô; mỗi trang chỉ được chứa tối đa {limit} ô.",
    ),
    "prep.import.cell_too_long": (
        "The cell {cell} holds {length} characters; a cell may hold at most {limit}.",
        "Ô {cell} chứa {length} ký tự; mỗi ô chỉ được chứa tối đa {limit} ký tự.",
    ),
    "prep.import.too_many_rows": (
        "The sheet has more than {limit} rows; split it into several files.",
        "Trang tính có hơn {limit} dòng; hãy tách thành nhiều tệp.",
    ),
    "prep.import.no_sheet": (
        "There is no sheet '{sheet}'; the sheets are: {sheets}.",
        "Không có trang '{sheet}'; các trang hiện có: {sheets}.",
    ),
    "prep.import.csv_sheet": (
        "A CSV file has no sheets; leave out the sheet '{sheet}'.",
        "Tệp CSV không có trang tính; hãy bỏ chọn trang '{sheet}'.",
    ),
    "prep.import.no_initiative_sheet": (
        "No sheet lists initiatives (sheets: {sheets}); name the sheet 'Sáng kiến' or give it headers such as {expected}.",
        "Không có trang nào chứa danh sách sáng kiến (các trang: {sheets}); hãy đặt tên trang là 'Sáng kiến' hoặc ghi tiêu đề cột như {expected}.",
    ),
    "prep.import.no_member_sheet": (
        "No sheet lists members (sheets: {sheets}); name the sheet 'Thành viên' or give it headers such as {expected}.",
        "Không có trang nào chứa danh sách thành viên (các trang: {sheets}); hãy đặt tên trang là 'Thành viên' hoặc ghi tiêu đề cột như {expected}.",
    ),
    "prep.import.no_headers": (
        "No row of column headers was found; put headers such as {expected} in the first row (see `council template`).",
        "Không tìm thấy dòng tiêu đề cột; hãy ghi tiêu đề như {expected} ở dòng đầu tiên (xem `council template`).",
    ),
    "prep.import.no_rows": (
        "There are headers but no rows to import.",
        "Có dòng tiêu đề nhưng chưa có dòng dữ liệu nào.",
    ),
    "prep.import.unknown_kind": (
        "Cannot tell whether this file lists initiatives or members; check the headers (see `council template`) or give --kind.",
        "Không xác định được tệp chứa sáng kiến hay thành viên; hãy kiểm tra tiêu đề cột (xem `council template`) hoặc dùng --kind.",
    ),
    "prep.import.column_twice": (
        "Columns {columns} are both read as '{header}'; rename or delete one of them.",
        "Các cột {columns} cùng được hiểu là '{header}'; hãy đổi tên hoặc xóa bớt một cột.",
    ),
    "prep.import.no_code_column": (
        "There is no code column; add a column 'Mã số' with a code for each initiative.",
        "Không có cột mã số; hãy thêm cột 'Mã số' ghi mã của từng sáng kiến.",
    ),
    "prep.import.no_authors_column": (
        "There is no authors column; add a column 'Tác giả (tỷ lệ)' or a sheet 'Tác giả'.",
        "Không có cột tác giả; hãy thêm cột 'Tác giả (tỷ lệ)' hoặc trang 'Tác giả'.",
    ),
    "prep.import.code_twice": (
        "The code {code} is already used on row {row} of this file; give each initiative its own code.",
        "Mã số {code} đã dùng ở dòng {row} của tệp này; mỗi sáng kiến phải có mã số riêng.",
    ),
    "prep.import.code_in_session": (
        "The code {code} is already on this session's agenda; remove the row or change the code.",
        "Mã số {code} đã có trong chương trình phiên họp; hãy bỏ dòng này hoặc đổi mã số.",
    ),
    "prep.import.author_sheet_headers": (
        "The sheet '{sheet}' needs headers 'Mã số', 'Họ và tên' and 'Tỷ lệ (%)' in its first row.",
        "Trang '{sheet}' cần các cột 'Mã số', 'Họ và tên' và 'Tỷ lệ (%)' ở dòng đầu tiên.",
    ),
    "prep.import.author_code_unknown": (
        "This author belongs to initiative {code}, which is not in the list of initiatives; correct the code.",
        "Tác giả này thuộc sáng kiến {code}, không có trong danh sách sáng kiến; hãy sửa lại mã số.",
    ),
    "prep.import.author_invalid": (
        "The author {name} cannot be read; check the row.",
        "Không đọc được tác giả {name}; hãy kiểm tra dòng này.",
    ),
    "prep.import.shares_total": (
        "The shares of the authors of {code} add up to {total}%, not 100%; correct the shares.",
        "Tỷ lệ đóng góp của các tác giả sáng kiến {code} cộng lại {total}%, không phải 100%; hãy sửa lại tỷ lệ.",
    ),
    "prep.import.authors_differ": (
        "The authors of {code} differ between this column and the sheet 'Tác giả'; keep them in one place or make them match.",
        "Tác giả của sáng kiến {code} ở cột này khác với trang 'Tác giả'; hãy chỉ ghi ở một nơi hoặc sửa cho khớp.",
    ),
    "prep.import.row_invalid": (
        "This row cannot be read; check its values.",
        "Không đọc được dòng này; hãy kiểm tra các giá trị.",
    ),
    "prep.import.session_not_planned": (
        "Session {session} is {status}; initiatives can only be imported into a planned session.",
        "Phiên họp {session} {status}; chỉ nhập được sáng kiến vào phiên họp chưa bắt đầu.",
    ),
    "prep.import.session_needed": (
        "Say which session the initiatives go to with --session ID (planned sessions: {sessions}; create one with `council new-session`).",
        "Hãy chỉ rõ phiên họp bằng --session MÃ (các phiên họp chưa bắt đầu: {sessions}; tạo phiên họp mới bằng `council new-session`).",
    ),
    "prep.import.members_no_session": (
        "Members are imported into the council, not a session; leave out --session.",
        "Thành viên được nhập vào Hội đồng, không vào phiên họp; hãy bỏ --session.",
    ),
    "prep.import.not_ok": (
        "The import has {count} problem(s); correct the file and preview it again. Nothing was written.",
        "Dữ liệu nhập có {count} lỗi; hãy sửa tệp và xem trước lại. Chưa có gì được ghi.",
    ),
    "prep.import.stale": (
        "The session changed since the preview; preview the file again. Nothing was written.",
        "Phiên họp đã thay đổi sau khi xem trước; hãy xem trước lại. Chưa có gì được ghi.",
    ),
    "prep.import.seat_twice": (
        "Seat {seat} is already used on row {row}; give each member their own seat.",
        "Số ghế {seat} đã dùng ở dòng {row}; mỗi thành viên phải có số ghế riêng.",
    ),
    "prep.import.role_twice": (
        "{role} is already given on row {row}; a council has only one.",
        "Vai trò {role} đã có ở dòng {row}; Hội đồng chỉ có một người giữ vai trò này.",
    ),
    "prep.import.id_twice": ("The id {id} is already used on row {row}.", "Mã {id} đã dùng ở dòng {row}."),
    # --- import: warnings (the import goes ahead)
    "prep.import.columns_ignored": (
        "Columns not recognised, ignored: {columns}.",
        "Các cột không nhận ra, bỏ qua: {columns}.",
    ),
    "prep.import.new_categories": (
        "New categories (not used before; check the spelling): {values}.",
        "Nhóm sáng kiến mới (chưa dùng trước đây; hãy kiểm tra chính tả): {values}.",
    ),
    "prep.import.new_fields": (
        "New fields of application (check the spelling): {values}.",
        "Lĩnh vực mới (hãy kiểm tra chính tả): {values}.",
    ),
    "prep.import.formula_as_text": (
        "This cell holds a formula; it was read as its text, {text}, not as the value it showed. Type the value itself if that is what you meant.",
        "Ô này chứa công thức; đã đọc nguyên văn công thức {text}, không lấy giá trị nó hiển thị. Nếu cần giá trị, hãy nhập trực tiếp giá trị đó.",
    ),
    "prep.import.formulas_more": (
        "{count} more cells hold formulas, read as their text too.",
        "Còn {count} ô khác chứa công thức, cũng được đọc nguyên văn công thức.",
    ),
    "prep.import.type_default": (
        "No type of solution given; 'Technical solution' is assumed, change it in the app if wrong.",
        "Chưa ghi loại giải pháp; tạm ghi 'Giải pháp kỹ thuật', hãy sửa trong ứng dụng nếu chưa đúng.",
    ),
    "prep.import.namesake": (
        "{name} (author of {code}) has the same name as council member {member} (seat {seat}); if it is the same person, mark them as a member, e.g. {name} (50%) [{member}], so that they do not vote on it.",
        "{name} (tác giả sáng kiến {code}) trùng tên với thành viên Hội đồng {member} (ghế {seat}); nếu là cùng một người, hãy đánh dấu là thành viên, ví dụ {name} (50%) [{member}], để người này không biểu quyết sáng kiến đó.",
    ),
    "prep.import.name_twice": (
        "{name} is also on row {row}; check that they are two people.",
        "{name} cũng có ở dòng {row}; hãy kiểm tra đây là hai người khác nhau.",
    ),
    "prep.import.no_role": (
        "Nobody is {role}; the minutes need one.",
        "Chưa có {role}; biên bản cần có người giữ vai trò này.",
    ),
    "prep.import.no_voters": (
        "No member votes; mark the voting members 'có'.",
        "Không có thành viên nào biểu quyết; hãy ghi 'có' cho thành viên có quyền biểu quyết.",
    ),
    # --- templates
    "prep.template.exists": (
        "{path} already exists; choose another name or add --force.",
        "Tệp {path} đã tồn tại; hãy chọn tên khác hoặc thêm --force.",
    ),
    "prep.template.suffix": ("{name}: a template is .xlsx or .csv.", "{name}: tệp mẫu phải là .xlsx hoặc .csv."),
    "prep.template.guide_sheet": ("Guide", "Hướng dẫn"),
    "prep.template.guide_column": ("Column", "Cột"),
    "prep.template.guide_how": ("How to fill it in", "Cách điền"),
    "prep.template.guide_code": (
        "Required; one code per initiative, e.g. SK-2026-01.",
        "Bắt buộc; mỗi sáng kiến một mã, ví dụ SK-2026-01.",
    ),
    "prep.template.guide_title": ("Required.", "Bắt buộc."),
    "prep.template.guide_type": (
        "Giải pháp kỹ thuật, Giải pháp quản lý, Giải pháp tác nghiệp or Giải pháp ứng dụng tiến bộ kỹ thuật (English names work too).",
        "Giải pháp kỹ thuật, Giải pháp quản lý, Giải pháp tác nghiệp hoặc Giải pháp ứng dụng tiến bộ kỹ thuật.",
    ),
    "prep.template.guide_category": (
        "Usually: cải tiến kỹ thuật, hợp lý hóa sản xuất, tiết kiệm, phục vụ và điều trị bệnh, tổ chức, quản lý, đào tạo; other categories are accepted.",
        "Thường dùng: cải tiến kỹ thuật, hợp lý hóa sản xuất, tiết kiệm, phục vụ và điều trị bệnh, tổ chức, quản lý, đào tạo; nhóm khác vẫn được chấp nhận.",
    ),
    "prep.template.guide_authors": (
        "Name (share %), separated by ';'. A council member who is an author gets their id or seat in brackets: Lê Hoàng Nam (40%) [m3]. The shares add up to 100.",
        "Họ tên (tỷ lệ %), cách nhau bằng dấu ';'. Tác giả là thành viên Hội đồng ghi thêm mã hoặc số ghế trong ngoặc vuông: Lê Hoàng Nam (40%) [m3]. Tổng tỷ lệ bằng 100.",
    ),
    "prep.template.guide_date": ("DD/MM/YYYY, or an Excel date.", "DD/MM/YYYY, hoặc ô kiểu ngày của Excel."),
    "prep.template.guide_amount": (
        "In đồng, with or without dots: 86.500.000 or 86500000. Leave blank or write 'không tính được' when it cannot be quantified.",
        "Tính bằng đồng, có hoặc không có dấu chấm: 86.500.000 hoặc 86500000. Để trống hoặc ghi 'không tính được' nếu không tính được thành tiền.",
    ),
    "prep.template.guide_author_sheet": (
        "Optional sheet for authors' details (date of birth, workplace...): one row per author with the initiative's code. When used, it must agree with the authors column, or leave that column empty.",
        "Trang không bắt buộc, ghi chi tiết tác giả (ngày sinh, nơi công tác...): mỗi tác giả một dòng kèm mã số sáng kiến. Nếu dùng, phải khớp với cột tác giả, hoặc để trống cột đó.",
    ),
    "prep.template.guide_seat": (
        "The member's seat number: the key the chair types to pick them.",
        "Số ghế của thành viên: số mà Chủ tịch gõ để chọn thành viên.",
    ),
    "prep.template.guide_role": (
        "Chủ tịch Hội đồng, Phó Chủ tịch Hội đồng, Ủy viên thư ký, Ủy viên or Chuyên gia.",
        "Chủ tịch Hội đồng, Phó Chủ tịch Hội đồng, Ủy viên thư ký, Ủy viên hoặc Chuyên gia.",
    ),
    "prep.template.guide_voting": (
        "Có (votes) or Không (attends without a vote); blank means Có.",
        "Có (được biểu quyết) hoặc Không (dự họp không biểu quyết); để trống là Có.",
    ),
    # --- command line
    "prep.cli.init_help": (
        "start a new council in an empty data folder",
        "tạo hội đồng mới trong thư mục dữ liệu trống",
    ),
    "prep.cli.name_help": ("the council's name", "tên hội đồng"),
    "prep.cli.unit_help": ("the issuing unit", "đơn vị ban hành"),
    "prep.cli.parent_unit_help": (
        "the unit above it (for the minutes' header)",
        "cơ quan cấp trên (ghi ở đầu biên bản)",
    ),
    "prep.cli.city_help": (
        "the place written before the date in documents",
        "địa danh ghi trước ngày tháng trên văn bản",
    ),
    "prep.cli.decision_number_help": (
        "number of the founding decision, e.g. 123/QĐ-SKHCN",
        "số quyết định thành lập, ví dụ 123/QĐ-SKHCN",
    ),
    "prep.cli.decision_date_help": (
        "date of the founding decision, DD/MM/YYYY",
        "ngày quyết định thành lập, DD/MM/YYYY",
    ),
    "prep.cli.decision_issuer_help": ("who signed the founding decision", "người ký quyết định thành lập"),
    "prep.cli.members_help": (
        "a CSV or XLSX list of members (see `council template members.xlsx`)",
        "danh sách thành viên CSV hoặc XLSX (xem `council template members.xlsx`)",
    ),
    "prep.cli.preset_help": ("rulebook preset: {presets}", "bộ quy tắc: {presets}"),
    "prep.cli.no_input_help": (
        "never ask questions, even on a terminal",
        "không hỏi gì, kể cả khi chạy trên cửa sổ dòng lệnh",
    ),
    "prep.cli.name_needed": ("Give the council's name (--name).", "Hãy nhập tên hội đồng (--name)."),
    "prep.cli.input_ended": (
        "The input ended before all answers were given; nothing was written.",
        "Dữ liệu nhập kết thúc trước khi trả lời hết; chưa có gì được ghi.",
    ),
    "prep.cli.ask_name": ("Council name", "Tên hội đồng"),
    "prep.cli.ask_unit": ("Issuing unit", "Đơn vị"),
    "prep.cli.ask_parent_unit": ("Unit above it (may be blank)", "Cơ quan cấp trên (có thể để trống)"),
    "prep.cli.ask_city": ("Place for dating documents (e.g. Vĩnh Long)", "Địa danh ghi trên văn bản (ví dụ Vĩnh Long)"),
    "prep.cli.ask_decision_number": ("Founding decision number", "Số quyết định thành lập"),
    "prep.cli.ask_decision_date": ("Founding decision date (DD/MM/YYYY)", "Ngày quyết định thành lập (DD/MM/YYYY)"),
    "prep.cli.ask_decision_issuer": ("Who signed the decision", "Người ký quyết định"),
    "prep.cli.presets": ("Rulebooks:", "Các bộ quy tắc:"),
    "prep.cli.ask_preset": ("Rulebook (number or name)", "Bộ quy tắc (số thứ tự hoặc tên)"),
    "prep.cli.members_intro": (
        "Members, one by one (Enter on an empty name to finish; you can also import a list later):",
        "Nhập từng thành viên (Enter ở tên trống để kết thúc; cũng có thể nhập danh sách sau):",
    ),
    "prep.cli.ask_member_name": ("Member {seat}: full name", "Thành viên {seat}: họ và tên"),
    "prep.cli.ask_member_role": ("  Role ({choices})", "  Vai trò ({choices})"),
    "prep.cli.ask_member_title": ("  Position", "  Chức vụ, chức danh"),
    "prep.cli.init_done": (
        "Council '{name}' created in {path} with {count} member(s), rulebook {preset}.",
        "Đã tạo hội đồng '{name}' trong {path} với {count} thành viên, bộ quy tắc {preset}.",
    ),
    "prep.cli.init_no_members": (
        "No members yet: import them with `council import members.xlsx --data {path}`.",
        "Chưa có thành viên: hãy nhập bằng `council import members.xlsx --data {path}`.",
    ),
    "prep.cli.init_next": (
        "Next: `council new-session --data {path} --title ... --date DD/MM/YYYY`.",
        "Tiếp theo: `council new-session --data {path} --title ... --date DD/MM/YYYY`.",
    ),
    "prep.cli.new_session_help": ("create a planned session and print its id", "tạo phiên họp mới và in mã phiên họp"),
    "prep.cli.title_help": ("the session's title", "tên phiên họp"),
    "prep.cli.date_help": ("the date, DD/MM/YYYY", "ngày họp, DD/MM/YYYY"),
    "prep.cli.place_help": ("where the meeting is held", "địa điểm họp"),
    "prep.cli.start_help": ("start time, HH:MM", "giờ bắt đầu, HH:MM"),
    "prep.cli.chair_help": (
        "who chairs: seat, id or name (default: the chair)",
        "người chủ trì: số ghế, mã hoặc họ tên (mặc định: Chủ tịch)",
    ),
    "prep.cli.secretary_help": (
        "the secretary: seat, id or name (default: the council's secretary)",
        "thư ký: số ghế, mã hoặc họ tên (mặc định: Ủy viên thư ký)",
    ),
    "prep.cli.invitee_help": (
        "an invitee as 'Name, position' (repeat for several)",
        "khách mời dạng 'Họ tên, chức vụ' (lặp lại cho nhiều người)",
    ),
    "prep.cli.id_help": ("the session id (default: its date)", "mã phiên họp (mặc định: ngày họp)"),
    "prep.cli.title_needed": ("Give the session's title (--title).", "Hãy nhập tên phiên họp (--title)."),
    "prep.cli.date_needed": ("Give the session's date (--date DD/MM/YYYY).", "Hãy nhập ngày họp (--date DD/MM/YYYY)."),
    "prep.cli.session_created": (
        "Planned session {session} created; add initiatives with `council import FILE --data {path} --session {session}`.",
        "Đã tạo phiên họp {session}; thêm sáng kiến bằng `council import TỆP --data {path} --session {session}`.",
    ),
    "prep.cli.import_help": (
        "import initiatives or members from CSV or XLSX (all or nothing)",
        "nhập sáng kiến hoặc thành viên từ tệp CSV hoặc XLSX (nhập tất cả hoặc không nhập gì)",
    ),
    "prep.cli.file_help": ("the CSV or XLSX file", "tệp CSV hoặc XLSX"),
    "prep.cli.import_session_help": ("the session the initiatives go to", "phiên họp nhận các sáng kiến"),
    "prep.cli.kind_help": (
        "what the file lists (found from its headers when left out)",
        "loại dữ liệu trong tệp (tự nhận theo tiêu đề cột nếu bỏ trống)",
    ),
    "prep.cli.sheet_help": ("the sheet to read (XLSX)", "trang tính cần đọc (XLSX)"),
    "prep.cli.dry_run_help": ("show what would be imported, write nothing", "chỉ xem trước, không ghi gì"),
    "prep.cli.sheet": (", sheet {sheet}", ", trang {sheet}"),
    "prep.cli.preview_head": ("From {source}{sheet}:", "Từ tệp {source}{sheet}:"),
    "prep.cli.not_voting": ("does not vote", "không biểu quyết"),
    "prep.cli.warning": ("Note: {text}", "Lưu ý: {text}"),
    "prep.cli.problems": ("{count} problem(s) to correct in the file:", "Có {count} lỗi cần sửa trong tệp:"),
    "prep.cli.nothing_written": ("Nothing was imported.", "Chưa nhập dữ liệu nào."),
    "prep.cli.dry_run_done": (
        "{count} row(s) can be imported; nothing was written (--dry-run).",
        "Có thể nhập {count} dòng; chưa ghi gì (--dry-run).",
    ),
    "prep.cli.initiatives_imported": (
        "Imported {count} initiative(s) into session {session}.",
        "Đã nhập {count} sáng kiến vào phiên họp {session}.",
    ),
    "prep.cli.members_imported": (
        "The council in {path} now has {count} member(s). Sessions already created keep the members they had.",
        "Hội đồng trong {path} hiện có {count} thành viên. Các phiên họp đã tạo vẫn giữ danh sách thành viên cũ.",
    ),
    "prep.cli.template_help": (
        "write a template to fill in: initiatives.xlsx, members.csv...",
        "tạo tệp mẫu để điền: initiatives.xlsx, members.csv...",
    ),
    "prep.cli.template_file_help": ("the file to write (.xlsx or .csv)", "tệp cần tạo (.xlsx hoặc .csv)"),
    "prep.cli.force_help": ("overwrite the file if it exists", "ghi đè nếu tệp đã tồn tại"),
    "prep.cli.template_done": ("Written: {path} (template of {kind}).", "Đã ghi: {path} (mẫu {kind})."),
    "prep.cli.kind_initiatives": ("initiatives", "danh sách sáng kiến"),
    "prep.cli.kind_members": ("members", "danh sách thành viên"),
    # --- the app's preparing screens (tui/screens/prepare, tui/screens/first_run.py)
    "prep.app.first_run_offer": (
        "Press n to start a new council (its details, then its members), d to create the demo council "
        "(a hospital's initiative council with two sessions), or q to quit.",
        "Nhấn n để tạo hội đồng mới (nhập thông tin rồi danh sách thành viên), d để tạo hội đồng mẫu "
        "(Hội đồng sáng kiến của một bệnh viện, có hai phiên họp), hoặc q để thoát.",
    ),
    "prep.app.council_new": ("A new council", "Tạo hội đồng mới"),
    "prep.app.council_edit": ("The council's details", "Thông tin Hội đồng"),
    "prep.app.council_created": (
        "Council '{name}' created; now add its members.",
        "Đã tạo hội đồng '{name}'; tiếp theo hãy nhập thành viên.",
    ),
    "prep.field.council.name": ("Council name", "Tên hội đồng"),
    "prep.field.council.unit": ("Issuing unit", "Đơn vị"),
    "prep.field.council.parent_unit": ("Unit above it", "Cơ quan cấp trên"),
    "prep.field.council.city": ("Place for dating documents", "Địa danh ghi trên văn bản"),
    "prep.field.council.decision_number": ("Founding decision number", "Số quyết định thành lập"),
    "prep.field.council.decision_date": ("Founding decision date", "Ngày quyết định thành lập"),
    "prep.field.council.decision_issuer": ("Decision signed by", "Người ký quyết định"),
    "prep.field.council.preset": ("Rulebook", "Bộ quy tắc"),
    "prep.app.err.council_name": ("The council has no name; type its name.", "Hội đồng chưa có tên; hãy nhập tên."),
    "prep.app.hint.council_name": (
        "e.g. Hội đồng Sáng kiến Sở Khoa học và Công nghệ",
        "ví dụ Hội đồng Sáng kiến Sở Khoa học và Công nghệ",
    ),
    "prep.app.hint.council_unit": ("e.g. Sở Khoa học và Công nghệ", "ví dụ Sở Khoa học và Công nghệ"),
    "prep.app.hint.parent_unit": (
        "e.g. UBND tỉnh Vĩnh Long (may be blank)",
        "ví dụ UBND tỉnh Vĩnh Long (có thể để trống)",
    ),
    "prep.app.hint.city": ("e.g. Vĩnh Long", "ví dụ Vĩnh Long"),
    "prep.app.hint.decision_number": ("e.g. 123/QĐ-SKHCN", "ví dụ 123/QĐ-SKHCN"),
    "prep.app.preset_custom": ("(keep the council's own rules)", "(giữ quy chế riêng của Hội đồng)"),
    "prep.app.example": ("Example: {hint}", "Ví dụ: {hint}"),
    "prep.app.not_saved": (
        "Not saved: {count} field(s) to correct: {fields}.",
        "Chưa lưu: còn {count} trường cần sửa: {fields}.",
    ),
    "prep.app.discard": ("Leave without saving the changes?", "Bỏ các thay đổi chưa lưu và quay lại?"),
    "prep.app.discard_yes": ("Leave without saving", "Không lưu"),
    "prep.app.remove": ("Remove", "Xóa"),
    "prep.app.votes_yes": ("yes", "có"),
    "prep.app.votes_no": ("no", "không"),
    # members
    "prep.app.members_title": ("Members of {name}", "Thành viên {name}"),
    "prep.app.members_note": (
        "Changes apply to sessions created from now on; a session keeps the members it was created with.",
        "Thay đổi áp dụng cho các phiên họp tạo từ nay; phiên họp đã tạo giữ danh sách thành viên của mình.",
    ),
    "prep.app.members_next": (
        "When the list is complete, press esc to go on to the sessions.",
        "Khi đã đủ thành viên, nhấn esc để sang danh sách phiên họp.",
    ),
    "prep.app.no_members": (
        "No members yet: press a to add one, or i to import a list.",
        "Chưa có thành viên: nhấn a để thêm, hoặc i để nhập danh sách.",
    ),
    "prep.app.member_new": ("A new member", "Thêm thành viên"),
    "prep.app.member_edit": ("Member: {name}", "Thành viên: {name}"),
    "prep.app.member_saved": ("Saved: {name}.", "Đã lưu: {name}."),
    "prep.app.member_remove": (
        "Remove {name} from the council? Sessions already created keep them.",
        "Xóa {name} khỏi Hội đồng? Các phiên họp đã tạo vẫn giữ thành viên này.",
    ),
    "prep.app.member_removed": ("{name} removed from the council.", "Đã xóa {name} khỏi Hội đồng."),
    "prep.app.hint.member_title": ("e.g. Phó Giám đốc", "ví dụ Phó Giám đốc"),
    "prep.app.pin_note": (
        "Optional: asked in the ballot booth before this member votes.",
        "Không bắt buộc: hỏi ở phòng bỏ phiếu trước khi thành viên này bỏ phiếu.",
    ),
    # sessions
    "prep.app.session_new": ("A new session", "Tạo phiên họp mới"),
    "prep.app.session_edit": ("The session's details", "Thông tin phiên họp"),
    "prep.app.session_created": ("Session {session} created.", "Đã tạo phiên họp {session}."),
    "prep.app.session_saved": ("Session details saved.", "Đã lưu thông tin phiên họp."),
    "prep.app.by_role": ("(by role: {name})", "(theo vai trò: {name})"),
    "prep.app.hint.session_title": (
        "e.g. Session 2 of 2026 to recognise initiatives",
        "ví dụ Phiên họp xét công nhận sáng kiến đợt 2 năm 2026",
    ),
    "prep.app.hint.place": ("e.g. Hội trường A", "ví dụ Hội trường A"),
    "prep.app.hint.invitees": (
        "One invitee a line: name, position (e.g. Hà Văn Thắng, Kỹ sư, Phòng Vật tư).",
        "Mỗi khách mời một dòng: họ tên, chức vụ (ví dụ Hà Văn Thắng, Kỹ sư, Phòng Vật tư).",
    ),
    # agenda and initiatives
    "prep.app.agenda_empty": (
        "The agenda is empty. Press a to add an initiative, or i to import a CSV or XLSX list.",
        "Chương trình họp chưa có sáng kiến nào. Nhấn a để thêm sáng kiến, hoặc i để nhập danh sách từ tệp CSV, XLSX.",
    ),
    "prep.app.initiative_new": ("A new initiative", "Thêm sáng kiến"),
    "prep.app.initiative_edit": ("Initiative {code}", "Sáng kiến {code}"),
    "prep.app.initiative_saved": ("Initiative {code} saved.", "Đã lưu sáng kiến {code}."),
    "prep.app.initiative_remove": (
        "Remove {code} ({title}) from the agenda?",
        "Xóa sáng kiến {code} ({title}) khỏi chương trình họp?",
    ),
    "prep.app.initiative_removed": ("Initiative {code} removed.", "Đã xóa sáng kiến {code}."),
    "prep.app.authors_note": (
        "Separate authors with ';'. An author on the council gets their id or seat in brackets: [m3] or [3].",
        "Các tác giả cách nhau bằng dấu ';'. Tác giả là thành viên Hội đồng ghi thêm mã hoặc số ghế: [m3] hoặc [3].",
    ),
    "prep.app.category_note": (
        "The usual categories are offered as you type (→ accepts); others are accepted too.",
        "Các nhóm thường dùng được gợi ý khi gõ (→ để chọn); nhóm khác vẫn được chấp nhận.",
    ),
    "prep.app.suggest_note": (
        "Values already used in this session are offered as you type (→ accepts).",
        "Các giá trị đã dùng trong phiên họp được gợi ý khi gõ (→ để chọn).",
    ),
    "prep.app.members_for_authors": (
        "Council members (mark an author as one with [id]):",
        "Thành viên Hội đồng (đánh dấu tác giả bằng [mã]):",
    ),
    "prep.app.council_same": (
        "This session already has the council's current members and rules.",
        "Phiên họp đã dùng đúng danh sách thành viên và quy chế hiện tại của Hội đồng.",
    ),
    "prep.app.council_take": (
        "Give this planned session the council's current members ({count}; it has {before}) and rules "
        "({preset})? Attendance taken so far stays.",
        "Cập nhật phiên họp này theo danh sách thành viên hiện tại của Hội đồng ({count} người; phiên họp đang có "
        "{before}) và quy chế ({preset})? Điểm danh đã ghi được giữ nguyên.",
    ),
    "prep.app.council_take_yes": ("Update the session", "Cập nhật"),
    "prep.app.council_taken": (
        "The session now has the council's current members and rules.",
        "Phiên họp đã được cập nhật theo Hội đồng.",
    ),
    # import
    "prep.app.import_initiatives": ("Import initiatives into: {session}", "Nhập sáng kiến vào: {session}"),
    "prep.app.import_members": ("Import the council's member list", "Nhập danh sách thành viên Hội đồng"),
    "prep.app.import_file": ("CSV or XLSX file", "Tệp CSV hoặc XLSX"),
    "prep.app.import_path_hint": ("e.g. ~/Downloads/initiatives.xlsx", "ví dụ ~/Downloads/sang-kien.xlsx"),
    "prep.app.import_sheet": ("Sheet", "Trang tính"),
    "prep.app.import_sheet_hint": (
        "XLSX only; leave blank to find it by its headers",
        "chỉ với XLSX; để trống để tự tìm theo tiêu đề cột",
    ),
    "prep.app.import_keys": (
        "enter: preview (writes nothing) · ctrl+s: import · a template: council template {template}",
        "enter: xem trước (không ghi gì) · ctrl+s: nhập · tệp mẫu: council template {template}",
    ),
    "prep.app.import_no_path": ("Type the path of the file first.", "Hãy nhập đường dẫn tới tệp trước."),
    "prep.app.import_ready": (
        "{count} row(s) can be imported; press ctrl+s to import them.",
        "Có thể nhập {count} dòng; nhấn ctrl+s để nhập.",
    ),
    "prep.app.import_nothing": ("The file has nothing to import.", "Tệp không có gì để nhập."),
    "prep.app.import_confirm": (
        "Add {count} initiative(s) to the agenda of {session}?",
        "Thêm {count} sáng kiến vào chương trình {session}?",
    ),
    "prep.app.import_members_confirm": (
        "Replace the council's member list with these {count} member(s)? People found by name keep their id "
        "and PIN; sessions already created keep their members.",
        "Thay danh sách thành viên Hội đồng bằng {count} người này? Người trùng tên giữ mã và mã PIN; "
        "các phiên họp đã tạo giữ danh sách thành viên của mình.",
    ),
    "prep.app.import_yes": ("Import", "Nhập"),
    "prep.app.col_row": ("Row", "Dòng"),
    "prep.app.col_code": ("Code", "Mã số"),
    "prep.app.col_title": ("Title", "Tên sáng kiến"),
    "prep.app.col_authors": ("Authors", "Tác giả"),
    "prep.app.col_benefit": ("Benefit", "Giá trị làm lợi"),
    "prep.app.col_seat": ("Seat", "Ghế"),
    "prep.app.col_name": ("Full name", "Họ và tên"),
    "prep.app.col_role": ("Role", "Vai trò"),
    "prep.app.col_voting": ("Votes", "Biểu quyết"),
}
