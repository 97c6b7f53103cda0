#!/usr/bin/env python3
"""Synthetic Vietnamese plan documents for benchmarks.

    tools/gen_plans.py OUT_DIR [--count N] [--seed S]

Writes N plain-text plans (UTF-8, NFC) to OUT_DIR, named plan-000001.txt… Each plan is put
together from the grammar of real administrative plans, not from copies of any document: a
two-column header (issuer of some level and province or ministry, national motto, number and
symbol, place and date), a document type and title, a preamble of legal bases citing other
documents (type, number/symbol, date, issuer, "về …" title), then numbered sections (Roman,
Arabic, decimal, letters and bullets) holding purposes, numeric targets ("đạt 95%", "giảm 10%
so với năm 2024"), task lists whose items name lead and supporting bodies and time limits
("Quý III/2025", "trước ngày 15/12/2025", "thường xuyên"), sometimes a task table in the '|'
layout the readers produce from Word tables, and a closing "Tổ chức thực hiện" with the
signature block. Plans cite each other by the symbols they are given here, so an import of
the folder has a citation graph to query.

The same seed gives the same files. Standard library only.
"""

import argparse
import os
import random
import sys
import textwrap
import unicodedata

PROVINCES = [
    "Hà Giang", "Cao Bằng", "Lạng Sơn", "Quảng Ninh", "Thái Nguyên", "Phú Thọ", "Bắc Ninh",
    "Hải Dương", "Hưng Yên", "Thái Bình", "Nam Định", "Ninh Bình", "Thanh Hóa", "Nghệ An",
    "Hà Tĩnh", "Quảng Bình", "Thừa Thiên Huế", "Quảng Nam", "Quảng Ngãi", "Phú Yên",
    "Khánh Hòa", "Ninh Thuận", "Bình Thuận", "Gia Lai", "Lâm Đồng", "Bình Phước",
    "Đồng Nai", "Bà Rịa - Vũng Tàu", "Long An", "Tiền Giang", "Bến Tre", "Vĩnh Long",
    "Trà Vinh", "Đồng Tháp", "An Giang", "Kiên Giang", "Hậu Giang", "Sóc Trăng", "Bạc Liêu",
    "Cà Mau", "Điện Biên", "Sơn La", "Yên Bái", "Tuyên Quang", "Hòa Bình",
]
CITIES = ["Hải Phòng", "Đà Nẵng", "Cần Thơ", "Huế"]
MINISTRIES = [
    ("BỘ NỘI VỤ", "BNV"), ("BỘ TÀI CHÍNH", "BTC"), ("BỘ Y TẾ", "BYT"),
    ("BỘ GIÁO DỤC VÀ ĐÀO TẠO", "BGDĐT"), ("BỘ XÂY DỰNG", "BXD"), ("BỘ CÔNG THƯƠNG", "BCT"),
    ("BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG", "BNNMT"), ("BỘ KHOA HỌC VÀ CÔNG NGHỆ", "BKHCN"),
    ("BỘ VĂN HÓA, THỂ THAO VÀ DU LỊCH", "BVHTTDL"), ("BỘ TƯ PHÁP", "BTP"),
]
DEPARTMENTS = [
    "Sở Tài chính", "Sở Nội vụ", "Sở Y tế", "Sở Giáo dục và Đào tạo", "Sở Xây dựng",
    "Sở Công Thương", "Sở Tư pháp", "Sở Khoa học và Công nghệ", "Sở Văn hóa, Thể thao và Du lịch",
    "Sở Nông nghiệp và Môi trường", "Công an tỉnh", "Bộ Chỉ huy Quân sự tỉnh",
    "Thanh tra tỉnh", "Văn phòng Ủy ban nhân dân tỉnh", "Ban Dân tộc tỉnh",
    "Đài Phát thanh và Truyền hình tỉnh", "Báo {p}", "Liên đoàn Lao động tỉnh",
    "Tỉnh đoàn", "Hội Liên hiệp Phụ nữ tỉnh", "Hội Nông dân tỉnh",
    "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "Bảo hiểm xã hội tỉnh", "Ngân hàng Nhà nước chi nhánh tỉnh",
]
SUPPORT_GROUPS = [
    "các sở, ban, ngành liên quan", "Ủy ban nhân dân các huyện, thị xã, thành phố",
    "Ủy ban nhân dân các xã, phường, thị trấn", "các cơ quan, đơn vị có liên quan",
    "các tổ chức chính trị - xã hội tỉnh",
]
CENTRAL_ISSUERS = [
    ("Bộ Chính trị", "Nghị quyết", "NQ/TW", True), ("Ban Bí thư", "Chỉ thị", "CT/TW", True),
    ("Chính phủ", "Nghị quyết", "NQ-CP", False), ("Chính phủ", "Nghị định", "NĐ-CP", False),
    ("Thủ tướng Chính phủ", "Quyết định", "QĐ-TTg", False),
    ("Thủ tướng Chính phủ", "Chỉ thị", "CT-TTg", False), ("Quốc hội", "Luật", "QH15", False),
]
TOPICS = [
    "chuyển đổi số", "phát triển kinh tế tư nhân", "cải cách hành chính",
    "phòng, chống thiên tai", "bảo vệ môi trường", "phát triển du lịch bền vững",
    "nâng cao chất lượng nguồn nhân lực", "xây dựng nông thôn mới",
    "phát triển khoa học, công nghệ và đổi mới sáng tạo", "phổ biến, giáo dục pháp luật",
    "bảo đảm an toàn thực phẩm", "phòng, chống tác hại của thuốc lá",
    "phát triển văn hóa đọc", "giảm nghèo bền vững", "xây dựng chính quyền số",
    "phát triển hạ tầng giao thông", "thu hút đầu tư", "bình đẳng giới",
    "chăm sóc sức khỏe nhân dân", "phát triển kinh tế tập thể",
]
VERBS = [
    "Tổ chức tuyên truyền, phổ biến", "Rà soát, hoàn thiện", "Xây dựng và triển khai",
    "Hướng dẫn, kiểm tra việc thực hiện", "Tham mưu ban hành", "Đẩy mạnh ứng dụng công nghệ thông tin trong",
    "Tổng hợp, đánh giá kết quả", "Bố trí kinh phí thực hiện", "Tập huấn, bồi dưỡng cán bộ về",
    "Theo dõi, đôn đốc", "Triển khai các mô hình điểm về", "Huy động các nguồn lực cho",
]
OBJECTS = [
    "các văn bản quy phạm pháp luật", "cơ sở dữ liệu dùng chung", "các thủ tục hành chính",
    "chương trình đào tạo", "các chỉ tiêu của Kế hoạch", "hệ thống thông tin báo cáo",
    "các dự án trọng điểm", "đội ngũ cán bộ, công chức", "các nhiệm vụ được giao",
    "phong trào thi đua", "kết quả thực hiện", "mạng lưới cơ sở",
]
INDICATORS = [
    ("tỷ lệ hồ sơ thủ tục hành chính được giải quyết trực tuyến", "%"),
    ("tỷ lệ hộ nghèo", "%"), ("tỷ lệ xã đạt chuẩn nông thôn mới", "%"),
    ("số doanh nghiệp thành lập mới", "doanh nghiệp"), ("tỷ lệ dân số có hồ sơ sức khỏe điện tử", "%"),
    ("số lượt khách du lịch", "lượt"), ("tỷ lệ lao động qua đào tạo", "%"),
    ("số trường học đạt chuẩn quốc gia", "trường"), ("tỷ lệ chất thải rắn được thu gom, xử lý", "%"),
    ("số cán bộ được tập huấn", "người"),
]
SIGNERS = ["CHỦ TỊCH", "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH", "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH",
           "BỘ TRƯỞNG", "KT. BỘ TRƯỞNG\nTHỨ TRƯỞNG"]
GIVEN = ["Nguyễn Văn An", "Trần Thị Bình", "Lê Hoàng Cường", "Phạm Minh Đức", "Hoàng Thị Hà",
         "Võ Quốc Hùng", "Đặng Thu Lan", "Bùi Văn Long", "Đỗ Thanh Nga", "Huỳnh Tấn Phát"]
ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]


class Plan:
    """One generated document: its header facts and its text."""

    def __init__(self, rng, index, earlier):
        self.rng = rng
        self.index = index
        self.earlier = earlier  # (type, symbol, date, issuer) of plans generated before
        self.lines = []

    # --- pieces ----------------------------------------------------------------------------

    def date(self, year):
        return self.rng.randint(1, 28), self.rng.randint(1, 12), year

    def fmt_date(self, d, m, y):
        return f"{d:02d}/{m:02d}/{y}" if self.rng.random() < 0.5 else f"{d}/{m}/{y}"

    def issuer(self):
        r = self.rng.random()
        if r < 0.6:
            province = self.rng.choice(PROVINCES)
            return ("ỦY BAN NHÂN DÂN", f"TỈNH {province.upper()}", "UBND", province, "tỉnh")
        if r < 0.75:
            city = self.rng.choice(CITIES)
            return ("ỦY BAN NHÂN DÂN", f"THÀNH PHỐ {city.upper()}", "UBND", city, "thành phố")
        if r < 0.9:
            name, short = self.rng.choice(MINISTRIES)
            return (name, "", short, "Hà Nội", "bộ")
        province = self.rng.choice(PROVINCES)
        return ("ĐẢNG BỘ TỈNH " + province.upper(), "TỈNH ỦY", "TU", province, "đảng")

    def citation(self, year):
        if self.earlier and self.rng.random() < 0.35:
            kind, symbol, date, issuer = self.rng.choice(self.earlier)
            return f"{kind} số {symbol} ngày {date} của {issuer}"
        issuer, kind, suffix, dash = self.rng.choice(CENTRAL_ISSUERS)
        number = self.rng.randint(1, 400)
        y = self.rng.randint(year - 8, year)
        d, m, _ = self.date(y)
        symbol = f"{number}/{y}/{suffix}" if kind == "Luật" else (
            f"{number}-{suffix}" if dash else f"{number}/{suffix}")
        topic = self.rng.choice(TOPICS)
        return f"{kind} số {symbol} ngày {self.fmt_date(d, m, y)} của {issuer} về {topic}"

    def deadline(self, year):
        r = self.rng.random()
        y = year + self.rng.randint(0, 2)
        if r < 0.2:
            return f"Quý {self.rng.choice(ROMAN[:4])}/{y}"
        if r < 0.4:
            d, m, _ = self.date(y)
            return f"trước ngày {self.fmt_date(d, m, y)}"
        if r < 0.5:
            return f"trong tháng {self.rng.randint(1, 12)}/{y}"
        if r < 0.6:
            return f"hoàn thành trong năm {y}"
        if r < 0.75:
            return self.rng.choice(["thường xuyên", "hằng năm", "định kỳ 6 tháng", "hằng quý"])
        if r < 0.85:
            m = self.rng.randint(1, 9)
            return f"từ tháng {m}/{y} đến tháng {m + self.rng.randint(1, 3)}/{y}"
        return ""

    def bodies(self, province):
        lead = self.rng.choice(DEPARTMENTS).format(p=province)
        supports = self.rng.sample(DEPARTMENTS, self.rng.randint(0, 3))
        supports = [s.format(p=province) for s in supports if s.format(p=province) != lead]
        if self.rng.random() < 0.5:
            supports.append(self.rng.choice(SUPPORT_GROUPS))
        return lead, supports

    def task_sentence(self, province, year):
        verb, obj, topic = self.rng.choice(VERBS), self.rng.choice(OBJECTS), self.rng.choice(TOPICS)
        lead, supports = self.bodies(province)
        limit = self.deadline(year)
        r = self.rng.random()
        work = f"{verb.lower()} {obj} về {topic}"
        if r < 0.5:
            s = f"{lead} chủ trì"
            if supports:
                s += f", phối hợp với {', '.join(supports)}"
            s += f" {work}"
        elif r < 0.8:
            s = f"{verb} {obj} về {topic}"
            s += f". Cơ quan chủ trì: {lead}"
            if supports:
                s += f"; cơ quan phối hợp: {', '.join(supports)}"
        else:
            s = f"Giao {lead} {work}"
        if limit:
            s += f"; thời gian thực hiện: {limit}" if self.rng.random() < 0.5 else f", {limit}"
        return s + "."

    def target_sentence(self, year):
        indicator, unit = self.rng.choice(INDICATORS)
        horizon = year + self.rng.randint(1, 6)
        if unit == "%":
            value = self.rng.choice([str(self.rng.randint(5, 100)), f"{self.rng.randint(1, 99)},5"])
            verb = self.rng.choice(["đạt", "đạt trên", "đạt ít nhất", "giảm còn dưới"])
            return f"Đến năm {horizon}, {indicator} {verb} {value}%."
        value = f"{self.rng.randint(1, 90)}.{self.rng.randint(0, 999):03d}" if self.rng.random() < 0.5 \
            else str(self.rng.randint(10, 900))
        return f"Phấn đấu đến năm {horizon} {indicator} đạt {value} {unit}."

    # --- the document ------------------------------------------------------------------------

    def build(self):
        rng, out = self.rng, self.lines
        year = rng.randint(2014, 2026)
        top, second, short, place, level = self.issuer()
        kind = rng.choice(["Kế hoạch"] * 6 + ["Quyết định", "Chương trình"])
        number = rng.randint(1, 999)
        code = {"Kế hoạch": "KH", "Quyết định": "QĐ", "Chương trình": "CTr"}[kind]
        symbol = f"{number}/{code}-{short}" if level != "đảng" else f"{number}-{code}/{short}"
        d, m, _ = self.date(year)
        topic = rng.choice(TOPICS)
        issuer_name = {"tỉnh": f"Ủy ban nhân dân tỉnh {place}",
                       "thành phố": f"Ủy ban nhân dân thành phố {place}",
                       "bộ": "Bộ " + top.split(" ", 1)[1].capitalize(),
                       "đảng": f"Tỉnh ủy {place}"}[level]
        self.facts = (kind, symbol, f"{d}/{m}/{year}", issuer_name)

        out += [top] + ([second] if second else []) + ["-------"]
        out += ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "---------------"]
        out += [f"Số: {symbol}", f"{place}, ngày {d:02d} tháng {m:02d} năm {year}", ""]
        out += [kind.upper()]
        title = f"{'Thực hiện' if rng.random() < 0.5 else 'Triển khai'} {topic} "
        title += f"trên địa bàn {dict(đảng='tỉnh', bộ='cả nước').get(level, level)} "
        title += f"giai đoạn {year}-{year + 5}"
        out += [title.upper(), ""]

        bases = [self.citation(year) for _ in range(rng.randint(1, 5))]
        if rng.random() < 0.5:
            out += [f"Căn cứ {b};" for b in bases]
        else:
            out += [f"Thực hiện {'; '.join(bases)}, {issuer_name} ban hành {kind} {topic} như sau:"]
        out.append("")

        sections = ["MỤC ĐÍCH, YÊU CẦU", "MỤC TIÊU", "NHIỆM VỤ, GIẢI PHÁP", "KINH PHÍ THỰC HIỆN",
                    "TỔ CHỨC THỰC HIỆN"]
        for s, heading in enumerate(sections):
            out.append(f"{ROMAN[s]}. {heading}")
            if heading == "MỤC ĐÍCH, YÊU CẦU":
                out.append("1. Mục đích")
                out.append(f"Triển khai đồng bộ, hiệu quả các nhiệm vụ về {topic}; nâng cao nhận thức "
                           "và trách nhiệm của các cấp, các ngành.")
                out.append("2. Yêu cầu")
                out.append("- Bám sát các mục tiêu, nhiệm vụ đã đề ra; phân công rõ người, rõ việc, "
                           "rõ thời gian, rõ kết quả.")
            elif heading == "MỤC TIÊU":
                out.append("1. Mục tiêu chung")
                out.append(f"Tạo chuyển biến rõ nét về {rng.choice(TOPICS)}, góp phần phát triển "
                           "kinh tế - xã hội.")
                out.append("2. Mục tiêu cụ thể")
                for _ in range(rng.randint(2, 7)):
                    out.append("- " + self.target_sentence(year))
            elif heading == "NHIỆM VỤ, GIẢI PHÁP":
                for k in range(1, rng.randint(3, 8)):
                    out.append(f"{k}. {rng.choice(VERBS)} {rng.choice(OBJECTS)}")
                    style = rng.random()
                    for j in range(rng.randint(1, 6)):
                        mark = "-" if style < 0.5 else (f"{chr(ord('a') + j)})" if style < 0.8 else "+")
                        out.append(f"{mark} {self.task_sentence(place, year)}")
                if rng.random() < 0.3:
                    self.table(place, year)
            elif heading == "KINH PHÍ THỰC HIỆN":
                out.append(f"Kinh phí thực hiện từ nguồn ngân sách nhà nước theo phân cấp hiện hành "
                           f"và các nguồn hợp pháp khác; dự kiến {rng.randint(1, 90)}.{rng.randint(0, 999):03d} "
                           "triệu đồng.")
            else:
                for k, body in enumerate(rng.sample(DEPARTMENTS, rng.randint(2, 5)), 1):
                    body = body.format(p=place)
                    out.append(f"{k}. {body}")
                    out.append(f"{self.task_sentence(place, year)} Báo cáo kết quả về {issuer_name} "
                               f"{rng.choice(['trước ngày 15/12 hằng năm', 'định kỳ 6 tháng', 'khi có yêu cầu'])}.")
                out.append(f"Trên đây là {kind} {topic} của {issuer_name}; trong quá trình thực hiện, "
                           "nếu có khó khăn, vướng mắc, các cơ quan, đơn vị kịp thời báo cáo để xem xét, "
                           "giải quyết./.")
            out.append("")
        out += ["Nơi nhận:", "- Như trên;", "- Lưu: VT.", "", rng.choice(SIGNERS), "", rng.choice(GIVEN)]
        if rng.random() < 0.5:  # hard-wrapped, as text taken out of PDFs and Word files often is
            width = rng.randint(70, 100)
            out = [w for line in out for w in (textwrap.wrap(line, width) if line else [""])]
        return unicodedata.normalize("NFC", "\n".join(out) + "\n")

    def table(self, province, year):
        out = self.lines
        out.append("PHỤ LỤC: DANH MỤC NHIỆM VỤ")
        out.append("| STT | Nội dung công việc | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành |")
        for i in range(1, self.rng.randint(3, 12)):
            lead, supports = self.bodies(province)
            limit = self.deadline(year) or f"Năm {year + 1}"
            work = f"{self.rng.choice(VERBS)} {self.rng.choice(OBJECTS)}"
            out.append(f"| {i} | {work} | {lead} | {', '.join(supports)} | {limit} |")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("out_dir")
    parser.add_argument("--count", type=int, default=1000, help="number of plans (default 1000)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    args = parser.parse_args()
    if args.count < 1:
        sys.exit("gen_plans.py: --count must be at least 1")
    os.makedirs(args.out_dir, exist_ok=True)
    rng = random.Random(args.seed)
    earlier, total = [], 0
    width = max(6, len(str(args.count)))
    for i in range(1, args.count + 1):
        plan = Plan(rng, i, earlier[-500:])
        text = plan.build()
        earlier.append(plan.facts)
        path = os.path.join(args.out_dir, f"plan-{i:0{width}d}.txt")
        with open(path, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
        total += len(text.encode("utf-8"))
    print(f"gen_plans.py: {args.count} plans, {total / 1e6:.1f} MB in {args.out_dir}", file=sys.stderr)


if __name__ == "__main__":
    main()
