#include "agencies.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "rule_file.h"
#include "test_util.h"
#include "text.h"

namespace plangraph {
namespace {

const AgencyRules& Rules() {
  static const AgencyRules* rules = [] {
    auto file = ReadRuleFile(testing::SourceDir() + "/rules/agencies.tsv");
    EXPECT_TRUE(file.ok()) << file.status().message();
    auto r = LoadAgencyRules(*file);
    EXPECT_TRUE(r.ok()) << r.status().message();
    return new AgencyRules(std::move(*r));
  }();
  return *rules;
}

using Names = std::vector<std::string>;

struct Case {
  const char* input;
  Names expected;
};

TEST(AgenciesTest, OfficialNamesWithCommasAreOneBodyAndListsAreSeveral) {
  const Case cases[] = {
      {"Bộ Văn hóa, Thể thao và Du lịch", {"Bộ Văn hóa, Thể thao và Du lịch"}},
      {"Sở Văn hóa, Thể thao và Du lịch, Sở Y tế và Sở Nội vụ",
       {"Sở Văn hóa, Thể thao và Du lịch", "Sở Y tế", "Sở Nội vụ"}},
      {"Sở Văn hóa, Thể thao và Du lịch tỉnh Quảng Nam", {"Sở Văn hóa, Thể thao và Du lịch tỉnh Quảng Nam"}},
      {"Bộ Lao động - Thương binh và Xã hội, Bộ Khoa học và Công nghệ",
       {"Bộ Lao động - Thương binh và Xã hội", "Bộ Khoa học và Công nghệ"}},
      {"Phòng Văn hóa, Thông tin, Thể thao và Du lịch huyện", {"Phòng Văn hóa, Thông tin, Thể thao và Du lịch huyện"}},
      {"Sở TN&MT, Sở LĐ-TB&XH và Sở VHTTDL", {"Sở TN&MT", "Sở LĐ-TB&XH", "Sở VHTTDL"}},
      // Units of a ministry: an enumeration of capitalised pieces closed by "và".
      {"Cục Mỹ thuật, Nhiếp ảnh và Triển lãm", {"Cục Mỹ thuật, Nhiếp ảnh và Triển lãm"}},
      {"Viện Văn hóa, Nghệ thuật, Thể thao và Du lịch Việt Nam, Vụ Pháp chế",
       {"Viện Văn hóa, Nghệ thuật, Thể thao và Du lịch Việt Nam", "Vụ Pháp chế"}},
      {"Cục Xuất bản, In và Phát hành", {"Cục Xuất bản, In và Phát hành"}},
      {"Tổng cục Thống kê, Vụ Tổ chức cán bộ", {"Tổng cục Thống kê", "Vụ Tổ chức cán bộ"}},
      // Central bodies that open with no head word.
      {"Thông tấn xã Việt Nam, Đài Tiếng nói Việt Nam và Đài Truyền hình Việt Nam",
       {"Thông tấn xã Việt Nam", "Đài Tiếng nói Việt Nam", "Đài Truyền hình Việt Nam"}},
      {"Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam, Trung ương Hội Nông dân Việt Nam",
       {"Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam", "Trung ương Hội Nông dân Việt Nam"}},
      {"Hội đồng nhân dân, Mặt trận Tổ quốc Việt Nam", {"Hội đồng nhân dân", "Mặt trận Tổ quốc Việt Nam"}},
      {"Đoàn TNCS Hồ Chí Minh tỉnh, Bộ Chỉ huy Quân sự tỉnh và Công an tỉnh",
       {"Đoàn TNCS Hồ Chí Minh tỉnh", "Bộ Chỉ huy Quân sự tỉnh", "Công an tỉnh"}},
      {"các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ và Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương",
       {"các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ",
        "Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương"}},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(SplitAgencyList(Rules(), c.input), c.expected) << c.input;
  }
}

TEST(AgenciesTest, OfficialsStandForTheirOfficeAndColonListsSpread) {
  const Case cases[] = {
      {"Bộ trưởng Bộ Tài chính", {"Bộ Tài chính"}},
      {"Tư lệnh Bộ đội Biên phòng tỉnh", {"Bộ đội Biên phòng tỉnh"}},
      {"Vụ trưởng Vụ Kế hoạch - Tài chính", {"Vụ Kế hoạch - Tài chính"}},
      {"Viện trưởng Viện Khoa học Thủy lợi", {"Viện Khoa học Thủy lợi"}},
      {"Chủ tịch UBND các huyện, thị xã, thành phố", {"UBND các huyện, thị xã, thành phố"}},
      {"Văn phòng Ủy ban nhân dân tỉnh, Giám đốc Sở Xây dựng và Giám đốc Sở Y tế",
       {"Văn phòng Ủy ban nhân dân tỉnh", "Sở Xây dựng", "Sở Y tế"}},
      {"Bộ trưởng các Bộ: Quốc phòng, Công an", {"Bộ Quốc phòng", "Bộ Công an"}},
      {"Bộ trưởng các Bộ: Tài chính, Nông nghiệp và Môi trường, Xây dựng",
       {"Bộ Tài chính", "Bộ Nông nghiệp và Môi trường", "Bộ Xây dựng"}},
      {"Ủy ban nhân dân các tỉnh: Quảng Ngãi, Bình Định và Phú Yên",
       {"Ủy ban nhân dân tỉnh Quảng Ngãi", "Ủy ban nhân dân tỉnh Bình Định", "Ủy ban nhân dân tỉnh Phú Yên"}},
      {"Bộ trưởng, Thủ trưởng cơ quan ngang bộ, Thủ trưởng cơ quan thuộc Chính phủ",
       {"Bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ"}},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(SplitAgencyList(Rules(), c.input), c.expected) << c.input;
  }
}

TEST(AgenciesTest, WordsThatLookLikeHeadsAreNoAgency) {
  for (const char* input : {"Bộ trưởng", "Báo cáo kết quả thực hiện", "Vụ việc phức tạp kéo dài",
                            "Hội nghị tổng kết", "Trung ương Đảng", "Cục trưởng", "Viện trưởng"}) {
    EXPECT_EQ(SplitAgencyList(Rules(), input), Names{}) << input;
  }
}

TEST(AgenciesTest, AHeadingThatOnlyNamesBodiesGivesThem) {
  const Case cases[] = {
      {"Sở Nội vụ (cơ quan thường trực Hội đồng Thi đua - Khen thưởng tỉnh):", {"Sở Nội vụ"}},
      {"Đề nghị Hội Liên hiệp Phụ nữ tỉnh, Tỉnh Đoàn", {"Hội Liên hiệp Phụ nữ tỉnh", "Tỉnh Đoàn"}},
      {"Giám đốc Sở Y tế có trách nhiệm:", {"Sở Y tế"}},
      {"Giao Sở Tài chính:", {"Sở Tài chính"}},
      {"Yêu cầu Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương:",
       {"Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương"}},
      {"Bộ Công an chịu trách nhiệm thực hiện các nhiệm vụ sau:", {"Bộ Công an"}},
      {"Cục Điện ảnh, Cục Du lịch Quốc gia Việt Nam", {"Cục Điện ảnh", "Cục Du lịch Quốc gia Việt Nam"}},
      {"Thủ trưởng các sở, ban, ngành", {"các sở, ban, ngành"}},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(AgencyHeadingNames(Rules(), c.input), c.expected) << c.input;
  }
  for (const char* input : {"Sở Tài chính bố trí kinh phí thực hiện", "Báo cáo kết quả về Sở Nội vụ",
                            "Bộ trưởng", "Hội nghị sơ kết", "Sở Y tế và các đơn vị liên quan triển khai",
                            "Mục tiêu cụ thể"}) {
    EXPECT_EQ(AgencyHeadingNames(Rules(), input), Names{}) << input;
  }
}

// A body of every locality of a level list is one name ("Sở Y tế các tỉnh, thành phố trực
// thuộc Trung ương"); a collective before a level list keeps its own level.
TEST(AgenciesTest, LevelListsCloseANameAndCollectivesKeepTheirLevel) {
  const Case cases[] = {
      {"Sở Y tế các tỉnh, thành phố trực thuộc Trung ương",
       {"Sở Y tế các tỉnh, thành phố trực thuộc Trung ương"}},
      {"Phòng Tư pháp các huyện, thị xã, thành phố trực thuộc tỉnh",
       {"Phòng Tư pháp các huyện, thị xã, thành phố trực thuộc tỉnh"}},
      {"Liên đoàn Lao động các huyện, thành phố; Công đoàn ngành",
       {"Liên đoàn Lao động các huyện, thành phố", "Công đoàn ngành"}},
      {"Các sở, ban, ngành, UBND các huyện, thị xã, thành phố",
       {"Các sở, ban, ngành", "UBND các huyện, thị xã, thành phố"}},
      {"Trung tâm Y tế, Phòng Giáo dục và Đào tạo các huyện, thị xã, thành phố",
       {"Trung tâm Y tế các huyện, thị xã, thành phố", "Phòng Giáo dục và Đào tạo các huyện, thị xã, thành phố"}},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(SplitAgencyList(Rules(), c.input), c.expected) << c.input;
  }
}

// Party units, district youth unions and the local Front committee are bodies; the verbs that
// follow them end their names.
TEST(AgenciesTest, PartyUnitsYouthUnionsAndTheLocalFront) {
  const Case cases[] = {
      {"Các chi, đảng bộ trực thuộc", {"Các chi, đảng bộ trực thuộc"}},
      {"Huyện đoàn, Hội Liên hiệp Phụ nữ huyện", {"Huyện đoàn", "Hội Liên hiệp Phụ nữ huyện"}},
      {"Ủy ban Mặt trận Tổ quốc và Hội Nông dân xã", {"Ủy ban Mặt trận Tổ quốc", "Hội Nông dân xã"}},
      {"Đảng bộ các xã, thị trấn", {"Đảng bộ các xã, thị trấn"}},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(SplitAgencyList(Rules(), c.input), c.expected) << c.input;
  }
  const std::string text = "Thị đoàn giới thiệu đoàn viên ưu tú cho Đảng";
  std::string view = ToneCanonicalView(text);
  EXPECT_EQ(text.substr(0, AgencyListAt(Rules(), view, 0)), "Thị đoàn");
}

}  // namespace
}  // namespace plangraph
