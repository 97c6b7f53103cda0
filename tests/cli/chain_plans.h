// Three plans that implement one another (49-KH/TU implements 02-NQ/TW of the Bộ Chính trị,
// 31/KH-LĐLĐ implements 49-KH/TU, 5/KH-CĐCS implements 31/KH-LĐLĐ): the chain the command
// tests import, query and export.
#ifndef PLANGRAPH_TESTS_CLI_CHAIN_PLANS_H_
#define PLANGRAPH_TESTS_CLI_CHAIN_PLANS_H_

namespace plangraph::testing {

inline constexpr const char* kPlan49 =
    "TỈNH ỦY ĐẮK LẮK\nSố: 49-KH/TU\nĐắk Lắk, ngày 16 tháng 11 năm 2021\nKẾ HOẠCH\n"
    "thực hiện Nghị quyết số 02-NQ/TW, ngày 12/6/2021 của Bộ Chính trị\n"
    "I. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích\n- Nâng cao chất lượng tuyên truyền.\n"
    "II. TỔ CHỨC THỰC HIỆN\n"
    "1. Ban Tuyên giáo Tỉnh ủy chủ trì, phối hợp với các cơ quan liên quan triển khai thực hiện "
    "Kế hoạch; thời gian: Quý I/2022.\n"
    "2. Đảng đoàn Liên đoàn Lao động tỉnh tổ chức sơ kết.\n";
inline constexpr const char* kPlan31 =
    "LIÊN ĐOÀN LAO ĐỘNG TỈNH\nSố: 31/KH-LĐLĐ\nĐắk Lắk, ngày 01 tháng 4 năm 2022\nKẾ HOẠCH\n"
    "thực hiện Kế hoạch số 49-KH/TU, ngày 16/11/2021 của Tỉnh ủy\n"
    "I. NHIỆM VỤ\n1. Phấn đấu phát triển 500 đoàn viên.\n2. Tổ chức tuyên truyền sâu rộng.\n";
inline constexpr const char* kPlan5 =
    "CÔNG ĐOÀN CƠ SỞ\nSố: 5/KH-CĐCS\nĐắk Lắk, ngày 10 tháng 5 năm 2022\nKẾ HOẠCH\n"
    "triển khai thực hiện Kế hoạch số 31/KH-LĐLĐ, ngày 01/4/2022 của Liên đoàn Lao động tỉnh\n"
    "I. NHIỆM VỤ\n1. Công đoàn cơ sở tổ chức quán triệt; hoàn thành trước ngày 30/6/2022.\n";

}  // namespace plangraph::testing

#endif  // PLANGRAPH_TESTS_CLI_CHAIN_PLANS_H_
