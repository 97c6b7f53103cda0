#include "issuer_scope.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "reference.h"
#include "plangraph/store.h"
#include "test_util.h"

namespace plangraph {
namespace {

const IssuerRules& Rules() {
  static const IssuerRules* rules = [] {
    auto file = ReadRuleFile(testing::SourceDir() + "/rules/issuers.tsv");
    EXPECT_TRUE(file.ok()) << file.status().message();
    auto loaded = LoadIssuerRules(*file);
    EXPECT_TRUE(loaded.ok()) << loaded.status().message();
    return new IssuerRules(loaded.ok() ? *loaded : IssuerRules{});
  }();
  return *rules;
}

TEST(IssuerScopeTest, FindsTheNarrowestLevelAndItsPlace) {
  struct Case {
    std::string text, level, place;
  } cases[] = {
      {"Ủy ban nhân dân tỉnh Bình Phước", "tinh", "binh phuoc"},
      {"UBND tỉnh", "tinh", ""},
      {"Ban Thường vụ Huyện ủy", "huyen", ""},
      {"ỦY BAN NHÂN DÂN TỈNH BÌNH PHƯỚC SỞ CÔNG THƯƠNG", "tinh", "binh phuoc"},
      {"ĐẢNG BỘ TỈNH QUẢNG NAM HUYỆN ỦY NÚI THÀNH", "huyen", "nui thanh"},
      {"TỈNH ỦY ĐẮK LẮK", "tinh", "dak lak"},
      {"UBND huyện Đồng Phú", "huyen", "dong phu"},
      {"UBND tỉnh Bà Rịa - Vũng Tàu", "tinh", "ba ria vung tau"},
      {"Ủy ban nhân dân Quận 1", "quan", "1"},
      {"UBND thị xã Sơn Tây", "thi xa", "son tay"},
      {"Thành ủy Hà Nội", "thanh pho", "ha noi"},
      {"UBND xã Tân Lập huyện Đồng Phú", "xa", "tan lap"},
      // Must not find a place.
      {"Sở Công Thương", "", ""},
      {"Bộ Chính trị", "", ""},
      {"UBND tỉnh về việc triển khai", "tinh", ""},
      {"", "", ""},
  };
  for (const Case& c : cases) {
    const IssuerPlace p = FindIssuerPlace(Rules(), c.text);
    EXPECT_EQ(p.level, c.level) << c.text;
    EXPECT_EQ(p.place, c.place) << c.text;
  }
}

// A citation's key: the issuer it names, else the citing plan's own place at that level.
TEST(IssuerScopeTest, QualifiesCitationKeysFromTextAndCitingPlan) {
  struct Case {
    std::string plan_issuer, plan_place;  // the citing plan
    std::string symbol, issuer;           // the citation
    std::string key;
  } cases[] = {
      {"ỦY BAN NHÂN DÂN TỈNH BÌNH PHƯỚC", "Bình Phước", "10/KH-UBND", "",
       "10|KH-UBND|2022|tinh:binh phuoc"},
      {"ỦY BAN NHÂN DÂN TỈNH BÌNH PHƯỚC", "Bình Phước", "10/KH-UBND", "UBND huyện Đồng Phú",
       "10|KH-UBND|2022|huyen:dong phu"},
      {"ỦY BAN NHÂN DÂN HUYỆN ĐỒNG PHÚ", "Đồng Phú", "10/KH-UBND", "UBND tỉnh",
       "10|KH-UBND|2022|?"},
      {"ĐẢNG BỘ TỈNH BÌNH PHƯỚC HUYỆN ỦY ĐỒNG PHÚ", "Đồng Phú", "49-KH/TU", "",
       "49|KH-TU|2022|tinh:binh phuoc"},
      {"ĐẢNG BỘ TỈNH BÌNH PHƯỚC HUYỆN ỦY ĐỒNG PHÚ", "Đồng Phú", "12-KH/HU", "",
       "12|HU-KH|2022|huyen:dong phu"},
      {"UBND TỈNH NGHỆ AN SỞ TÀI CHÍNH", "Nghệ An", "5/UBND-VX", "UBND tỉnh",
       "5|UBND-VX|2022|tinh:nghe an"},
      {"UBND TỈNH NGHỆ AN", "Nghệ An", "02-NQ/TW", "Bộ Chính trị", "2|NQ-TW|2022"},
      {"UBND TỈNH NGHỆ AN", "Nghệ An", "22/2013/QĐ-TTg", "", "22|QD-TTG|2013"},
      {"UBND TỈNH NGHỆ AN", "Nghệ An", "394/NQ-CP", "", "394|CP-NQ|2022"},
      {"", "", "10/KH-UBND", "", "10|KH-UBND|2022|?"},
  };
  for (const Case& c : cases) {
    Extraction e;
    e.document.issuer = c.plan_issuer;
    e.document.place = c.plan_place;
    Citation cit;
    cit.symbol = c.symbol;
    cit.issuer = c.issuer;
    cit.key = ReferenceKey(SplitSymbol(c.symbol), 2022);
    e.citations.push_back(cit);
    QualifyIssuers(Rules(), e);
    EXPECT_EQ(e.citations[0].key, c.key) << c.plan_issuer << " / " << c.symbol << " " << c.issuer;
  }
}

TEST(IssuerScopeTest, DocumentOwnKeyHasItsIssuer) {
  struct Case {
    std::string issuer, place, symbol, date, key;
  } cases[] = {
      {"ỦY BAN NHÂN DÂN TỈNH BÌNH PHƯỚC", "Bình Phước", "10/KH-UBND", "2022-03-01",
       "10|KH-UBND|2022|tinh:binh phuoc"},
      {"ỦY BAN NHÂN DÂN HUYỆN", "Lộc Ninh", "10/KH-UBND", "2022-03-01",
       "10|KH-UBND|2022|huyen:loc ninh"},
      {"TỈNH ỦY GIA LAI", "Pleiku", "88-CTr/TU", "2021-11-02", "88|CTR-TU|2021|tinh:gia lai"},
      {"BỘ TÀI CHÍNH", "Hà Nội", "15/2020/TT-BTC", "2020-03-10", "15|BTC-TT|2020"},
      {"", "", "10/KH-UBND", "2022-03-01", "10|KH-UBND|2022|?"},
  };
  for (const Case& c : cases) {
    Extraction e;
    e.document.issuer = c.issuer;
    e.document.place = c.place;
    e.document.symbol = c.symbol;
    e.document.date = c.date;
    QualifyIssuers(Rules(), e);
    EXPECT_EQ(e.document.key, c.key) << c.issuer << " " << c.symbol;
  }
}

TEST(IssuerScopeTest, BadRuleLinesNameFileAndLine) {
  const struct {
    std::string contents, error;
  } cases[] = {
      {"level\ttỉnh\tx\ttỉnh\n", "rules/issuers.tsv:1: rank 'x' is not a small number"},
      {"unique\tNQ-TW\n", "rules/issuers.tsv:1: 'NQ-TW' is not one letter group"},
      {"# c\nfoo\tbar\n", "rules/issuers.tsv:2: unknown kind 'foo' (expected unique, code, level or stop)"},
  };
  for (const auto& c : cases) {
    auto r = LoadIssuerRules(ParseRuleFile("rules/issuers.tsv", c.contents));
    ASSERT_FALSE(r.ok()) << c.contents;
    EXPECT_EQ(r.status().message(), c.error);
  }
}

}  // namespace
}  // namespace plangraph

namespace plangraph {
namespace {

// A plan of `issuer_line` (its header), numbered `symbol`, citing `body`.
std::string PlanText(const std::string& issuer_line, const std::string& place,
                     const std::string& symbol, const std::string& date_words,
                     const std::string& body) {
  return issuer_line + "\t\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n" + "Số: " + symbol +
         "\t\tĐộc lập - Tự do - Hạnh phúc\n\n\t\t" + place + ", " + date_words +
         "\n\nKẾ HOẠCH\nPhát triển kinh tế số\n\n" + body +
         "\n\nI. MỤC ĐÍCH\n1. Nâng cao hiệu quả quản lý nhà nước.\n";
}

// Regression: two plans "10/KH-UBND" of 2022 by two committees became one node, and a plan of
// the province citing its committee's plan was shown as citing the district's too.
TEST(IssuerScopeTest, SameNumberOfTwoCommitteesStaysApartInTheStore) {
  const std::string path = ::testing::TempDir() + "plangraph_issuer_scope.db";
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
  auto store = Store::Open(path);
  ASSERT_TRUE(store.ok()) << store.status().message();
  const Extraction province = testing::ExtractText(
      PlanText("ỦY BAN NHÂN DÂN\nTỈNH BÌNH PHƯỚC", "Bình Phước", "10/KH-UBND",
               "ngày 12 tháng 01 năm 2022", "Thực hiện Nghị quyết số 02-NQ/TW ngày 12/6/2021 "
               "của Bộ Chính trị."));
  const Extraction district = testing::ExtractText(
      PlanText("ỦY BAN NHÂN DÂN\nHUYỆN ĐỒNG PHÚ", "Đồng Phú", "10/KH-UBND",
               "ngày 20 tháng 02 năm 2022", "Thực hiện Nghị quyết số 02-NQ/TW ngày 12/6/2021 "
               "của Bộ Chính trị."));
  const Extraction citing_province = testing::ExtractText(
      PlanText("ỦY BAN NHÂN DÂN\nTỈNH BÌNH PHƯỚC", "Bình Phước", "45/KH-UBND",
               "ngày 03 tháng 5 năm 2022",
               "Căn cứ Kế hoạch số 10/KH-UBND ngày 12/01/2022 về phát triển kinh tế số."));
  const Extraction citing_district = testing::ExtractText(
      PlanText("ỦY BAN NHÂN DÂN\nXÃ TÂN LẬP", "Tân Lập", "7/KH-UBND", "ngày 03 tháng 6 năm 2022",
               "Căn cứ Kế hoạch số 10/KH-UBND ngày 20/02/2022 của UBND huyện Đồng Phú."));
  ASSERT_EQ(province.document.key, "10|KH-UBND|2022|tinh:binh phuoc");
  ASSERT_EQ(district.document.key, "10|KH-UBND|2022|huyen:dong phu");
  int n = 0;
  for (const Extraction* e : {&province, &district, &citing_province, &citing_district}) {
    auto r = store->Import(*e, "/plans/" + std::to_string(n++) + ".txt", std::to_string(n), 1);
    ASSERT_TRUE(r.ok()) << r.status().message();
  }
  ReferenceQuery q;
  q.parts = SplitSymbol("10/KH-UBND");
  q.year = 2022;
  auto nodes = store->ResolveReference(q);
  ASSERT_TRUE(nodes.ok());
  ASSERT_EQ(nodes->size(), 2u);  // one per committee, each its own imported document
  std::map<std::string, std::pair<int64_t, int>> by_scope;
  for (const NodeInfo& node : *nodes) by_scope[node.issuer_scope] = {node.document_id, node.citing_plans};
  EXPECT_EQ(by_scope["tinh:binh phuoc"], std::make_pair(int64_t{1}, 1));
  EXPECT_EQ(by_scope["huyen:dong phu"], std::make_pair(int64_t{2}, 1));
  // Nghị quyết 02-NQ/TW has one issuer in the country: one node for both plans.
  q.parts = SplitSymbol("02-NQ/TW");
  q.year = 0;
  nodes = store->ResolveReference(q);
  ASSERT_TRUE(nodes.ok());
  ASSERT_EQ(nodes->size(), 1u);
  EXPECT_EQ(nodes->front().citing_plans, 2);
}

}  // namespace
}  // namespace plangraph
