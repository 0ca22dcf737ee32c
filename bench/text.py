"""Realistic Vietnamese content for benchmark data: people, units, initiative titles, remarks (seeded)."""

from __future__ import annotations

import datetime as dt
import random

from models.council import Member, Role
from models.initiative import CAMPAIGN_CATEGORIES, Author, Initiative, InitiativeType

FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô"]
MIDDLE = ["Văn", "Thị", "Hữu", "Minh", "Thanh", "Quốc", "Ngọc", "Đức", "Thu", "Hoàng", "Kim", "Xuân"]
GIVEN = [
    "An", "Bình", "Cường", "Dũng", "Giang", "Hà", "Hải", "Hạnh", "Hiếu", "Hoa", "Hùng", "Hương", "Khánh",
    "Lan", "Linh", "Long", "Mai", "Nam", "Nga", "Phúc", "Phương", "Quân", "Sơn", "Tâm", "Thắng", "Thảo",
    "Trang", "Trung", "Tuấn", "Uyên", "Việt", "Yến",
]  # fmt: skip
UNITS = [
    "Sở Y tế tỉnh Vĩnh Long", "Bệnh viện Nguyễn Đình Chiểu", "Sở Giáo dục và Đào tạo", "Sở Tài chính",
    "Sở Nông nghiệp và Môi trường", "Sở Xây dựng", "Sở Khoa học và Công nghệ", "Sở Nội vụ",
    "Công an tỉnh", "Bộ Chỉ huy Quân sự tỉnh", "Trường Cao đẳng Vĩnh Long", "Đài Phát thanh và Truyền hình",
    "Ủy ban nhân dân xã Giồng Trôm", "Ủy ban nhân dân phường An Hội", "Ủy ban nhân dân phường Long Châu",
    "Công ty Cổ phần Cấp thoát nước", "Công ty Điện lực Vĩnh Long", "Trung tâm Kiểm soát bệnh tật",
    "Chi cục Thủy sản", "Văn phòng Ủy ban nhân dân tỉnh", "Bảo hiểm xã hội tỉnh", "Cục Thuế tỉnh",
]  # fmt: skip
ACTIONS = [
    "Giải pháp nâng cao hiệu quả", "Ứng dụng công nghệ số trong", "Cải tiến quy trình", "Số hóa hồ sơ",
    "Tiết kiệm chi phí trong", "Rút ngắn thời gian", "Chuẩn hóa biểu mẫu", "Xây dựng phần mềm hỗ trợ",
    "Hợp lý hóa", "Tổ chức lại", "Nâng cao chất lượng", "Áp dụng mô hình 5S trong",
]  # fmt: skip
OBJECTS = [
    "tiếp nhận hồ sơ một cửa", "quản lý văn bản đi và đến", "khám chữa bệnh ngoại trú", "cấp phát thuốc",
    "kiểm tra chất lượng nước sinh hoạt", "bảo trì trang thiết bị", "đào tạo cán bộ trẻ", "quản lý kho vật tư",
    "thu ngân sách nhà nước", "chăm sóc người bệnh sau phẫu thuật", "giải quyết thủ tục đất đai",
    "phòng chống dịch bệnh trên tôm", "tưới tiêu vườn dừa", "quản lý học sinh bán trú", "lưu trữ hồ sơ cán bộ",
    "vận hành lưới điện trung thế", "kiểm soát nhiễm khuẩn", "báo cáo thống kê định kỳ",
]  # fmt: skip
PLACES = [
    "tại đơn vị", "tại các xã vùng sâu", "trên địa bàn tỉnh", "tại tuyến xã", "tại bộ phận một cửa",
    "trong mùa khô hạn", "giai đoạn 2024-2026", "tại các trường tiểu học",
]  # fmt: skip
SENTENCES = [
    "Giải pháp đã được áp dụng thử nghiệm trong sáu tháng và cho kết quả ổn định.",
    "Thời gian xử lý mỗi hồ sơ giảm trung bình từ 45 phút xuống còn 15 phút.",
    "Người dân và doanh nghiệp phản hồi tích cực qua khảo sát mức độ hài lòng.",
    "Chi phí văn phòng phẩm và in ấn giảm khoảng 30% so với cùng kỳ năm trước.",
    "Quy trình mới bảo đảm tuân thủ quy định hiện hành và dễ nhân rộng.",
    "Cán bộ được tập huấn sử dụng thành thạo sau hai buổi hướng dẫn.",
    "Số liệu trước và sau khi áp dụng được thu thập đầy đủ, có xác nhận của thủ trưởng đơn vị.",
    "Giải pháp tận dụng trang thiết bị sẵn có, không phát sinh chi phí đầu tư lớn.",
]
REMARKS = [
    "Giải pháp thiết thực, có khả năng nhân rộng trong toàn ngành.",
    "Hiệu quả kinh tế rõ rệt, số liệu chứng minh đầy đủ.",
    "Cần bổ sung số liệu đánh giá sau một năm áp dụng.",
    "Nội dung trùng với nhiệm vụ thường xuyên của đơn vị.",
    "Tính mới chưa rõ so với các giải pháp đã được công nhận trước đây.",
    "Đề nghị tác giả hoàn thiện hồ sơ, mô tả rõ điều kiện áp dụng.",
]
REASONS = [
    "Chưa đạt tính mới so với giải pháp đã áp dụng tại đơn vị.",
    "Không đủ số phiếu đồng ý theo quy chế của Hội đồng.",
    "Là nhiệm vụ thường xuyên theo chức năng, chưa phải sáng kiến.",
]
TITLES = ["BSCKII", "ThS", "TS", "KS", "CN", "DSCKI", "ĐDCKI"]
POSITIONS = ["Giám đốc", "Phó Giám đốc", "Trưởng phòng", "Phó Trưởng phòng", "Chuyên viên", "Trưởng khoa"]


def person(rng: random.Random) -> str:
    return f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"


def members(count: int, rng: random.Random) -> list[Member]:
    """A council of ``count`` voting members: chair, vice-chair, secretary, members, an expert last."""
    roles = [Role.CHAIR, Role.VICE_CHAIR, Role.SECRETARY] + [Role.MEMBER] * max(0, count - 4) + [Role.EXPERT]
    return [
        Member(
            id=f"m{i + 1:02d}",
            seat=i + 1,
            name=person(rng),
            role=roles[i],
            title=f"{rng.choice(TITLES)}, {rng.choice(POSITIONS)}",
            unit=rng.choice(UNITS),
        )
        for i in range(count)
    ]


def _shares(count: int, rng: random.Random) -> list[int]:
    if count == 1:
        return [100]
    first = rng.choice([50, 60, 70])
    rest = 100 - first
    shares = [first] + [rest // (count - 1)] * (count - 1)
    shares[-1] += 100 - sum(shares)
    return shares


def initiative(code: str, rng: random.Random, council: list[Member]) -> Initiative:
    """One initiative as submitted: title, type, category, unit, 1-3 authors (now and then a council member)."""
    unit = rng.choice(UNITS)
    count = rng.choice([1, 1, 2, 2, 3])
    authors = []
    for share in _shares(count, rng):
        member = rng.choice(council) if rng.random() < 0.04 else None
        authors.append(
            Author(
                name=member.name if member else person(rng),
                share=share,
                birth_date=dt.date(rng.randint(1965, 1998), rng.randint(1, 12), rng.randint(1, 28)),
                workplace=unit,
                position=rng.choice(POSITIONS),
                qualification=rng.choice(["Đại học", "Thạc sĩ", "Tiến sĩ", "Cao đẳng"]),
                member_id=member.id if member else None,
            )
        )
    benefit = rng.choice([None, None, rng.randint(5, 900) * 500_000])
    return Initiative(
        id=code.lower(),
        code=code,
        title=f"{rng.choice(ACTIONS)} {rng.choice(OBJECTS)} {rng.choice(PLACES)}",
        type=rng.choice(list(InitiativeType)),
        field=rng.choice(["Y tế", "Giáo dục", "Hành chính", "Nông nghiệp", "Kỹ thuật", "Tài chính"]),
        category=rng.choice(CAMPAIGN_CATEGORIES),
        unit=unit,
        authors=authors,
        first_applied=dt.date(rng.randint(2020, 2026), rng.randint(1, 12), 1),
        description=" ".join(rng.sample(SENTENCES, 3)),
        conditions="Áp dụng trong điều kiện trang thiết bị và nhân lực hiện có của đơn vị.",
        benefit_text="Tiết kiệm thời gian và chi phí cho người dân, doanh nghiệp."
        if benefit is None
        else "Làm lợi ước tính hằng năm.",
        benefit_vnd=benefit,
        first_application_people="Cán bộ, công chức của đơn vị",
    )
