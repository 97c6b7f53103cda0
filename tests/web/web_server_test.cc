// HTTP tests of plangraph serve: every page against a database of plans written here, and
// hostile input (XSS payloads in document text and in query strings, path traversal, huge and
// malformed query strings, uploads that are not documents, requests during an import).
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <zip.h>

#include <atomic>
#include <regex>

#include "web_format.h"
#include "web_test_util.h"

namespace plangraph {
namespace {

using testing::ImportTexts;
using testing::TestServer;

// A commune party committee's plan implementing a provincial resolution, with hostile text in
// its title and in a task.
const char* kCommunePlan = R"(ĐẢNG BỘ HUYỆN CHƯ SÊ
ĐẢNG ỦY XÃ TÂN TIẾN
Số 12-KH/ĐU
ĐẢNG CỘNG SẢN VIỆT NAM
Tân Tiến, ngày 21 tháng 7 năm 2026

KẾ HOẠCH
Thực hiện Nghị quyết số 05-NQ/TU ngày 10/3/2023 của Tỉnh ủy về chuyển đổi số <script>alert(1)</script>

Thực hiện Nghị quyết số 05-NQ/TU ngày 10/3/2023 của Tỉnh ủy, Đảng ủy xã ban hành kế hoạch như sau:

I. MỤC ĐÍCH, YÊU CẦU
Nâng cao nhận thức về chuyển đổi số trong toàn xã.

II. NHIỆM VỤ
1. Ủy ban nhân dân xã chủ trì xây dựng cổng thông tin điện tử của xã, hoàn thành trước ngày 30/9/2026.
2. Tổ chức tập huấn kỹ năng số cho cán bộ "><img src=x onerror=alert(2)> thôn, bản.

III. TỔ CHỨC THỰC HIỆN
Văn phòng Đảng ủy theo dõi, báo cáo kết quả thực hiện trước ngày 15/12/2026.
)";

// The commune people's committee implementing the plan above (a second level of the tree).
const char* kCommitteePlan = R"(ỦY BAN NHÂN DÂN
XÃ TÂN TIẾN
Số: 88/KH-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Tân Tiến, ngày 05 tháng 8 năm 2026

KẾ HOẠCH
Triển khai Kế hoạch số 12-KH/ĐU của Đảng ủy xã về chuyển đổi số

Căn cứ Kế hoạch số 12-KH/ĐU ngày 21/7/2026 của Đảng ủy xã Tân Tiến về chuyển đổi số, Ủy ban nhân dân xã ban hành kế hoạch triển khai như sau:

I. NHIỆM VỤ
1. Công chức Văn phòng - Thống kê chủ trì cập nhật dữ liệu dân cư lên hệ thống, hoàn thành trong quý IV/2026.
2. Vận động người dân cài đặt ứng dụng định danh điện tử.

II. TỔ CHỨC THỰC HIỆN
Các thôn, bản triển khai thực hiện kế hoạch này.
)";

// Another resolution with the same number, of another year: "05-NQ/TU" alone is ambiguous.
const char* kDistrictPlan = R"(HUYỆN ỦY CHƯ SÊ
Số 40-KH/HU
ĐẢNG CỘNG SẢN VIỆT NAM
Chư Sê, ngày 14 tháng 02 năm 2020

KẾ HOẠCH
Thực hiện Nghị quyết số 05-NQ/TU ngày 02/01/2020 của Tỉnh ủy về phát triển nông nghiệp

Thực hiện Nghị quyết số 05-NQ/TU ngày 02/01/2020 của Tỉnh ủy về phát triển nông nghiệp, Ban Thường vụ Huyện ủy ban hành kế hoạch như sau:

I. NHIỆM VỤ
1. Phòng Nông nghiệp và Phát triển nông thôn huyện chủ trì rà soát quy hoạch vùng trồng hồ tiêu, hoàn thành trong năm 2020.
2. Đến năm 2025 diện tích cà phê tái canh đạt 1.500 ha.
)";

// Small plans of other communes, numbered `n`, for paging and for imports during requests.
std::string GeneratedPlan(int n) {
  return "ỦY BAN NHÂN DÂN\nXÃ HÒA BÌNH " + std::to_string(n) + "\nSố: " + std::to_string(100 + n) +
         "/KH-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nHòa Bình, ngày 03 tháng 4 năm 2025\n\n"
         "KẾ HOẠCH\nNạo vét hồ chứa nước năm 2025\n\nI. NHIỆM VỤ\n"
         "1. Phòng Kinh tế chủ trì nạo vét hồ chứa nước số " + std::to_string(n) +
         ", hoàn thành trước ngày 30/6/2025.\n";
}

class WebServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = testing::FreshTestDir("web");
    db_ = (dir_ / "plans.db").string();
    std::vector<std::pair<std::string, std::string>> files = {
        {"tan-tien-12.txt", kCommunePlan},
        {"tan-tien-88.txt", kCommitteePlan},
        {"chu-se-40.txt", kDistrictPlan}};
    for (int n = 1; n <= 24; ++n) files.push_back({"hoa-binh-" + std::to_string(n) + ".txt", GeneratedPlan(n)});
    ids_ = ImportTexts(db_, dir_, files);
    commune_ = ids_[0];
    committee_ = ids_[1];
    district_ = ids_[2];
  }

  std::string Get(TestServer& s, const std::string& path, int expected_status = 200) {
    auto res = s.Client().Get(path);
    EXPECT_TRUE(res) << path;
    if (!res) return "";
    EXPECT_EQ(res->status, expected_status) << path;
    return res->body;
  }

  std::filesystem::path dir_;
  std::string db_;
  std::vector<int64_t> ids_;
  int64_t commune_ = 0, committee_ = 0, district_ = 0;
};

std::string PlanLink(int64_t id) { return "href=\"/plan/" + std::to_string(id); }

TEST_F(WebServerTest, HomeShowsCountsAuditTotalsMostCitedAndLatestImports) {
  TestServer s(db_);
  const std::string body = Get(s, "/");
  EXPECT_NE(body.find("<b id=\"count-documents\">27</b> văn bản"), std::string::npos);
  EXPECT_NE(body.find("Nghị quyết 05-NQ/TU"), std::string::npos);  // most cited
  EXPECT_NE(body.find("Kế hoạch 12-KH/ĐU"), std::string::npos);
  EXPECT_NE(body.find("nhiệm vụ chưa có thời hạn"), std::string::npos);
  EXPECT_NE(body.find("name=\"q\""), std::string::npos);
  EXPECT_NE(body.find("21/07/2026"), std::string::npos);  // a date as Vietnamese write it
}

TEST_F(WebServerTest, SearchFindsPlansByHeaderWithOrWithoutAccents) {
  TestServer s(db_);
  const std::vector<std::pair<std::string, int64_t>> cases = {
      {"Đảng ủy xã Tân Tiến", commune_}, {"dang uy xa tan tien", commune_},
      {"ĐẢNG UỶ XÃ TÂN TIẾN", commune_},  // old-style tone placement
      {"12-KH/ĐU", commune_},            {"12/KH-DU", commune_},
      {"88/KH-UBND", committee_},        {"huyen uy chu se", district_},
      {"40-KH/HU", district_}};
  for (const auto& [query, id] : cases) {
    const std::string body = Get(s, "/search?q=" + web::UrlEncode(query));
    const size_t header_hits = body.find("Văn bản có số, cơ quan hoặc trích yếu khớp");
    ASSERT_NE(header_hits, std::string::npos) << query;
    EXPECT_NE(body.find(PlanLink(id) + "\""), std::string::npos) << query;
  }
  // A number is a whole word: "2-KH" does not find 12-KH/ĐU, and other communes are not found.
  const std::string body = Get(s, "/search?q=" + web::UrlEncode("2-KH/ĐU"));
  EXPECT_EQ(body.find(PlanLink(commune_) + "\""), std::string::npos);
  const std::string other = Get(s, "/search?q=" + web::UrlEncode("xã tân tiến"));
  EXPECT_EQ(other.find(PlanLink(district_) + "\""), std::string::npos);
}

TEST_F(WebServerTest, SearchHighlightsBodyMatchesFiltersAndPages) {
  TestServer s(db_);
  std::string body = Get(s, "/search?q=cong+thong+tin+dien+tu");
  EXPECT_NE(body.find("<mark>cổng</mark> <mark>thông</mark> <mark>tin</mark>"), std::string::npos);
  EXPECT_NE(body.find(PlanLink(commune_) + "#L16\""), std::string::npos);
  // Filters: the year and the issuer exclude the plan, the type keeps it.
  body = Get(s, "/search?q=cong+thong+tin&year=2020");
  EXPECT_EQ(body.find(PlanLink(commune_) + "#L16\""), std::string::npos);
  body = Get(s, "/search?q=cong+thong+tin&issuer=huyen+uy");
  EXPECT_EQ(body.find(PlanLink(commune_) + "#L16\""), std::string::npos);
  body = Get(s, "/search?q=cong+thong+tin&type=" + web::UrlEncode("Kế hoạch"));
  EXPECT_NE(body.find(PlanLink(commune_) + "#L16\""), std::string::npos);
  // 24 generated plans match "ho chua nuoc": 20 on the first page, 4 on the second.
  body = Get(s, "/search?q=ho+chua+nuoc");
  EXPECT_NE(body.find("<span id=\"hit-count\">24</span>"), std::string::npos);
  EXPECT_NE(body.find("Trang 1 / 2"), std::string::npos);
  const std::regex item("<li><a href=\"/plan/\\d+#L\\d+\">");
  auto count = [&](const std::string& b) {
    return std::distance(std::sregex_iterator(b.begin(), b.end(), item), std::sregex_iterator());
  };
  EXPECT_EQ(count(body), 20);
  body = Get(s, "/search?q=ho+chua+nuoc&page=2");
  EXPECT_EQ(count(body), 4);
  EXPECT_NE(body.find("Trang 2 / 2"), std::string::npos);
}

TEST_F(WebServerTest, PlanPageShowsHeaderTasksTargetsCitationsAndSourceLines) {
  TestServer s(db_);
  const std::string body = Get(s, "/plan/" + std::to_string(commune_));
  for (const std::string& fact :
       {std::string("<td>12-KH/ĐU</td>"), std::string("<td>21/07/2026</td>"),
        std::string("<td>Tân Tiến</td>"), std::string("ĐẢNG ỦY XÃ TÂN TIẾN"),
        std::string("Ủy ban nhân dân xã <span class=\"role\">(chủ trì)</span>"),
        std::string("trước ngày 30/9/2026"), std::string("<div class=\"range\">30/09/2026</div>"),
        std::string("<span class=\"missing\">Chưa có thời hạn</span>"),
        std::string("<span class=\"missing\">Chưa có đơn vị</span>"),
        std::string("<div id=\"L16\" class=\"line\"><a href=\"#L16\" class=\"n\">16</a><span>1. Ủy "
                    "ban nhân dân xã chủ trì"),
        std::string("<a href=\"#L16\">Ủy ban nhân dân xã chủ trì"),  // the task links its line
        std::string("III. TỔ CHỨC THỰC HIỆN"), std::string("UTF-8")}) {
    EXPECT_NE(body.find(fact), std::string::npos) << fact;
  }
  // The resolution is not imported: its node page; the plan is cited by the committee's plan.
  EXPECT_NE(body.find("href=\"/node/"), std::string::npos);
  EXPECT_NE(body.find(PlanLink(committee_) + "#L"), std::string::npos);
  // The committee's plan cites an imported plan: a link to that plan's page.
  const std::string committee = Get(s, "/plan/" + std::to_string(committee_));
  EXPECT_NE(committee.find(PlanLink(commune_) + "\">Kế hoạch 12-KH/ĐU</a>"), std::string::npos);
  // The district plan's target and its year.
  const std::string district = Get(s, "/plan/" + std::to_string(district_));
  EXPECT_NE(district.find("<td class=\"num\">1.500</td><td>ha</td><td>2025"), std::string::npos);
}

TEST_F(WebServerTest, PlanPageRebuildsTheLinesWhenTheSourceFileIsGone) {
  std::filesystem::remove(dir_ / "tan-tien-12.txt");
  TestServer s(db_);
  const std::string body = Get(s, "/plan/" + std::to_string(commune_));
  EXPECT_NE(body.find("được dựng lại từ cơ sở dữ liệu"), std::string::npos);
  EXPECT_NE(body.find("<div id=\"L16\" class=\"line\"><a href=\"#L16\" class=\"n\">16</a><span>1. Ủy ban nhân dân xã chủ trì"),
            std::string::npos);
}

TEST_F(WebServerTest, UnknownPlansAndNodesAreNotFound) {
  TestServer s(db_);
  EXPECT_NE(Get(s, "/plan/999999", 404).find("Không tìm thấy"), std::string::npos);
  Get(s, "/node/999999", 404);
  Get(s, "/plan/abc", 404);
  Get(s, "/no-such-page", 404);
}

TEST_F(WebServerTest, CitesAnswersAnySpellingWithDirectPlansAndTheImplementationTree) {
  TestServer s(db_);
  for (const std::string ref : {"05-NQ/TU 2023", "Nghị quyết 05 2023", "nq 05/tu 2023",
                                "NGHỊ QUYẾT SỐ 05-NQ/TU NĂM 2023"}) {
    const std::string body = Get(s, "/cites?ref=" + web::UrlEncode(ref));
    EXPECT_NE(body.find("<h2 id=\"node-name\">"), std::string::npos) << ref;
    EXPECT_NE(body.find("Nghị quyết 05-NQ/TU</a> 10/03/2023"), std::string::npos) << ref;
    EXPECT_NE(body.find(PlanLink(commune_) + "\">Kế hoạch 12-KH/ĐU"), std::string::npos) << ref;
    // The committee's plan implements the commune's plan: second level of the tree.
    EXPECT_NE(body.find("<li class=\"d2\"><a href=\"/plan/" + std::to_string(committee_)),
              std::string::npos)
        << ref;
    EXPECT_EQ(body.find(PlanLink(district_)), std::string::npos) << ref;
  }
  // Without a year the number names two resolutions: both are offered.
  const std::string body = Get(s, "/cites?ref=05-NQ/TU");
  EXPECT_EQ(body.find("<h2 id=\"node-name\">"), std::string::npos);
  const std::regex candidate("<p class=\"candidate\">");
  EXPECT_EQ(std::distance(std::sregex_iterator(body.begin(), body.end(), candidate),
                          std::sregex_iterator()),
            2);
  EXPECT_NE(Get(s, "/cites?ref=" + web::UrlEncode("Nghị quyết 77-NQ/TW")).find("Không có văn bản"),
            std::string::npos);
}

TEST_F(WebServerTest, AuditFiltersSortsLinksTasksToLinesAndDownloadsCsv) {
  TestServer s(db_);
  std::string body = Get(s, "/audit");
  EXPECT_NE(body.find("27 văn bản:"), std::string::npos);
  EXPECT_NE(body.find("href=\"/plan/" + std::to_string(commune_) + "#L17\">dòng 17</a>"),
            std::string::npos);  // the task without deadline or assignee, linked to its line
  body = Get(s, "/audit?year=2020");
  EXPECT_NE(body.find("1 văn bản:"), std::string::npos);
  EXPECT_NE(body.find(PlanLink(district_)), std::string::npos);
  EXPECT_EQ(body.find(PlanLink(commune_)), std::string::npos);
  body = Get(s, "/audit?issuer=" + web::UrlEncode("dang uy xa"));
  EXPECT_NE(body.find("1 văn bản:"), std::string::npos);
  // Sorted by tasks without a deadline, most first: the commune's plan (1 of 3) is not first,
  // the committee's (2 of 3) comes before it.
  body = Get(s, "/audit?sort=no_deadline&order=desc");
  EXPECT_LT(body.find(PlanLink(committee_) + "\""), body.find(PlanLink(commune_) + "\""));
  auto csv = s.Client().Get("/audit.csv?year=2026");
  ASSERT_TRUE(csv);
  EXPECT_EQ(csv->get_header_value("Content-Type"), "text/csv; charset=utf-8");
  EXPECT_NE(csv->get_header_value("Content-Disposition").find("attachment"), std::string::npos);
  const std::string expected_commune = std::to_string(commune_) + ",Kế hoạch,12-KH/ĐU,2026-07-21,";
  EXPECT_NE(csv->body.find(expected_commune), std::string::npos) << csv->body;
  EXPECT_EQ(std::count(csv->body.begin(), csv->body.end(), '\n'), 3);  // header + 2 plans
}

TEST_F(WebServerTest, GraphIsSvgWithLinksToPlanAndNodePages) {
  TestServer s(db_);
  std::string body = Get(s, "/graph?plan=" + std::to_string(commune_));
  EXPECT_NE(body.find("<svg"), std::string::npos);
  EXPECT_NE(body.find("xlink:href=\"/plan/" + std::to_string(committee_) + "\""), std::string::npos);
  EXPECT_NE(body.find("xlink:href=\"/node/"), std::string::npos);
  EXPECT_EQ(body.find("<?xml"), std::string::npos);
  body = Get(s, "/graph?q=" + web::UrlEncode("chuyển đổi số"));
  EXPECT_NE(body.find("xlink:href=\"/plan/" + std::to_string(commune_) + "\""), std::string::npos);
  Get(s, "/graph", 400);
  Get(s, "/graph?plan=999999", 404);
}

// Every page that shows the hostile plan must show its text, never run it.
TEST_F(WebServerTest, HostileDocumentTextRendersAsText) {
  TestServer s(db_);
  const std::string id = std::to_string(commune_);
  for (const std::string& path : std::vector<std::string>{
           "/", "/plan/" + id, "/search?q=chuyen+doi+so", "/search?q=alert", "/search?q=onerror",
        "/audit", "/cites?ref=05-NQ/TU+2023", "/graph?plan=" + id, "/graph?q=script"}) {
    const std::string body = Get(s, path);
    EXPECT_EQ(body.find("<script"), std::string::npos) << path;
    EXPECT_EQ(body.find("<img"), std::string::npos) << path;
    EXPECT_EQ(body.find("\"><img"), std::string::npos) << path;
  }
  const std::string plan = Get(s, "/plan/" + id);
  EXPECT_NE(plan.find("chuyển đổi số &lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
  EXPECT_NE(plan.find("cán bộ &quot;&gt;&lt;img src=x onerror=alert(2)&gt; thôn"),
            std::string::npos);
}

TEST_F(WebServerTest, HostileQueryStringsAreEscapedAndHarmless) {
  TestServer s(db_);
  const std::vector<std::string> payloads = {
      "<script>alert(3)</script>", "\"><img src=x onerror=alert(4)>", "' onmouseover='alert(5)",
      "javascript:alert(6)", "%00%ff\xc3\x28", "\"; DROP TABLE documents; --", "*\" OR 1=1 --"};
  for (const std::string& p : payloads) {
    for (const std::string path :
         {"/search?q=", "/search?q=x&issuer=", "/search?q=x&type=", "/cites?ref=", "/audit?issuer=",
          "/audit?sort=", "/graph?q=", "/?q="}) {
      auto res = s.Client().Get(path + web::UrlEncode(p));
      ASSERT_TRUE(res) << path << p;
      EXPECT_LT(res->status, 500) << path << p;
      EXPECT_EQ(res->body.find("<script>alert"), std::string::npos) << path << p;
      EXPECT_EQ(res->body.find("<img src=x"), std::string::npos) << path << p;
      EXPECT_EQ(res->body.find("value=\"\"><img"), std::string::npos) << path << p;
    }
  }
  // Nothing was changed by the SQL-looking text.
  EXPECT_NE(Get(s, "/").find("<b id=\"count-documents\">27</b>"), std::string::npos);
  // Security headers on every page.
  auto res = s.Client().Get("/");
  ASSERT_TRUE(res);
  EXPECT_NE(res->get_header_value("Content-Security-Policy").find("default-src 'none'"),
            std::string::npos);
  EXPECT_EQ(res->get_header_value("X-Content-Type-Options"), "nosniff");
}

TEST_F(WebServerTest, PathTraversalFindsNothing) {
  TestServer s(db_);
  for (const std::string path :
       {"/static/../../../../etc/passwd", "/static/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
        "/static/..%2f..%2f..%2fetc%2fpasswd", "/plan/..%2f..%2fetc%2fpasswd",
        "/plan/1/../../../../etc/passwd", "/../../etc/passwd", "/static/style.css/../../web_server.cc",
        "/plan/%2fetc%2fpasswd", "//etc/passwd", "/static/../templates/layout.mustache"}) {
    auto res = s.Client().Get(path);
    if (!res) continue;  // the client may refuse to send it
    EXPECT_NE(res->status, 200) << path;
    EXPECT_EQ(res->body.find("root:"), std::string::npos) << path;
    EXPECT_EQ(res->body.find("{{"), std::string::npos) << path;
  }
  auto css = s.Client().Get("/static/style.css");
  ASSERT_TRUE(css);
  EXPECT_EQ(css->status, 200);
  EXPECT_EQ(css->get_header_value("Content-Type"), "text/css; charset=utf-8");
}

TEST_F(WebServerTest, HugeAndMalformedQueryStringsGetAnAnswer) {
  TestServer s(db_);
  const std::string huge(100000, 'a');
  auto res = s.Client().Get("/search?q=" + huge);
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 414);  // URI too long: refused before any work
  const std::string long_query(4000, 'x');
  res = s.Client().Get("/search?q=" + long_query + "+y");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  for (const std::string path :
       {"/search?q=%ZZ%&&=&page=-5&page=abc", "/search?q=ho+chua&page=99999999999999999999",
        "/search?q=ho+chua&page=0", "/audit?page=-1&sort=%00&order=sideways",
        "/search?q=%E1%BB", "/search?&&&&", "/cites?ref=%25%25%25", "/graph?plan=-1&q=",
        "/graph?plan=99999999999999999999", "/plan/99999999999999999999"}) {
    auto r = s.Client().Get(path);
    ASSERT_TRUE(r) << path;
    EXPECT_LT(r->status, 500) << path;
  }
  EXPECT_EQ(s.Client().Get("/")->status, 200);  // still serving
}

std::string ZipOf(const std::vector<std::pair<std::string, std::string>>& files) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
  zip_source_keep(buffer);
  zip_t* z = zip_open_from_source(buffer, ZIP_TRUNCATE, &error);
  for (const auto& [name, text] : files) {
    zip_source_t* s = zip_source_buffer(z, text.data(), text.size(), 0);
    zip_file_add(z, name.c_str(), s, ZIP_FL_ENC_UTF_8);
  }
  zip_close(z);
  zip_source_open(buffer);
  zip_source_seek(buffer, 0, SEEK_END);
  const zip_int64_t size = zip_source_tell(buffer);
  zip_source_seek(buffer, 0, SEEK_SET);
  std::string out(size, '\0');
  zip_source_read(buffer, out.data(), size);
  zip_source_close(buffer);
  zip_source_free(buffer);
  return out;
}

TEST_F(WebServerTest, ImportTakesFilesAndZipsAndRefusesWhatIsNotADocument) {
  {
    TestServer closed(db_);  // without --allow-import
    EXPECT_EQ(closed.Client().Get("/import")->status, 404);
    httplib::MultipartFormDataItems items = {{"files", "x", "x.txt", "text/plain"}};
    EXPECT_EQ(closed.Client().Post("/import", items)->status, 404);
  }
  TestServer s(db_, /*allow_import=*/true);
  EXPECT_NE(Get(s, "/import").find("type=\"file\""), std::string::npos);
  const std::string png("\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01", 20);
  const std::string zip = ZipOf({{"thu muc/ke-hoach-7.txt", GeneratedPlan(77)},
                                 {"../../evil/ke-hoach-8.txt", GeneratedPlan(88)},
                                 {"anh.png", png}});
  httplib::MultipartFormDataItems items = {
      {"files", png, "logo.png", "image/png"},
      {"files", "", "rong.txt", "text/plain"},
      {"files", GeneratedPlan(66), "ke-hoach-66.txt", "text/plain"},
      {"files", zip, "thu-muc.zip", "application/zip"}};
  auto res = s.Client().Post("/import", items);
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  const std::string& body = res->body;
  EXPECT_NE(body.find("6 tệp: 3 đã nhập, 0 thay bản cũ, 0 không đổi, 3 lỗi"), std::string::npos)
      << body;
  EXPECT_NE(body.find("logo.png</td><td class=\"missing\">lỗi</td><td>logo.png: "), std::string::npos);
  EXPECT_NE(body.find("rong.txt</td><td class=\"missing\">lỗi</td><td>empty file"), std::string::npos);
  EXPECT_NE(body.find("thu-muc.zip/thu muc/ke-hoach-7.txt</a>"), std::string::npos);
  // The entry named "../../evil/…" was written inside the server's folder, under its base name.
  EXPECT_FALSE(std::filesystem::exists(std::filesystem::temp_directory_path() / "evil"));
  auto store = Store::OpenReadOnly(db_);
  ASSERT_TRUE(store.ok());
  auto added = store->DocumentByRef("166/KH-UBND");
  ASSERT_TRUE(added.ok()) << added.status().message();
  EXPECT_EQ(added->path.find(dir_.string()), std::string::npos);
  EXPECT_NE(added->path.find("/uploads/"), std::string::npos);
  // The new plan's page shows its source lines from the server's copy.
  EXPECT_NE(Get(s, "/plan/" + std::to_string(added->id)).find("<div id=\"L9\" class=\"line\">"),
            std::string::npos);
  // Not multipart, no file, too large.
  EXPECT_EQ(s.Client().Post("/import", "x", "text/plain")->status, 400);
  EXPECT_EQ(s.Client().Post("/import", httplib::MultipartFormDataItems{})->status, 400);
  httplib::MultipartFormDataItems big = {
      {"files", std::string(size_t{5} << 20, 'a'), "big.txt", "text/plain"}};
  auto too_big = s.Client().Post("/import", big);
  if (too_big) EXPECT_EQ(too_big->status, 413);
}

TEST_F(WebServerTest, PagesAnswerWholeVersionsDuringAnImport) {
  TestServer s(db_);
  std::atomic<bool> importing{true};
  std::atomic<int> failures{0}, answered{0};
  std::vector<std::thread> readers;
  for (int t = 0; t < 4; ++t) {
    readers.emplace_back([&, t] {
      const std::vector<std::string> paths = {"/", "/search?q=ho+chua+nuoc", "/audit",
                                              "/cites?ref=05-NQ/TU+2023",
                                              "/plan/" + std::to_string(commune_)};
      for (int i = 0; importing || i < 5; ++i) {
        auto res = s.Client().Get(paths[(i + t) % paths.size()]);
        if (!res || res->status != 200) ++failures;
        ++answered;
      }
    });
  }
  std::vector<std::pair<std::string, std::string>> more;
  for (int n = 200; n < 260; ++n) more.push_back({"hb-" + std::to_string(n) + ".txt", GeneratedPlan(n)});
  ImportTexts(db_, dir_, more);
  importing = false;
  for (auto& r : readers) r.join();
  EXPECT_EQ(failures, 0);
  EXPECT_GT(answered, 20);
  // The plans committed meanwhile show on the next request.
  EXPECT_NE(Get(s, "/").find("<b id=\"count-documents\">87</b>"), std::string::npos);
}

TEST(WebFormatTest, DatesNumbersAndHighlights) {
  const std::vector<std::pair<std::string, std::string>> dates = {
      {"2026-07-21", "21/07/2026"}, {"2014-03", "03/2014"}, {"", ""}, {"năm 2020", "năm 2020"},
      {"2026-7-21", "2026-7-21"}};
  for (const auto& [in, out] : dates) EXPECT_EQ(web::VnDate(in), out) << in;
  const std::vector<std::pair<int64_t, std::string>> numbers = {
      {0, "0"}, {999, "999"}, {1234, "1.234"}, {1234567, "1.234.567"}, {-76500, "-76.500"}};
  for (const auto& [in, out] : numbers) EXPECT_EQ(web::VnNumber(in), out) << in;
  EXPECT_EQ(web::HighlightHtml("Ủy ban <b>nhân dân</b> tỉnh", web::QueryTerms("uy ban nhan")),
            "<mark>Ủy</mark> <mark>ban</mark> <mark>&lt;b&gt;nhân</mark> dân&lt;/b&gt; tỉnh");
  EXPECT_EQ(web::UrlEncode("Tân Tiến & co/1"), "T%C3%A2n%20Ti%E1%BA%BFn%20%26%20co%2F1");
  EXPECT_EQ(web::RoleLabel("lead"), "chủ trì");
  EXPECT_EQ(web::RoleLabel("support"), "phối hợp");
}

// The command: prints its address, serves, and stops cleanly on SIGTERM and SIGINT.
TEST_F(WebServerTest, ServeCommandPrintsItsAddressAndStopsOnSignals) {
  for (int sig : {SIGTERM, SIGINT}) {
    const std::string out = (dir_ / "serve.out").string();
    pid_t pid = fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
      freopen(out.c_str(), "w", stdout);
      freopen((dir_ / "serve.err").c_str(), "w", stderr);
      execl(PLANGRAPH_BINARY, "plangraph", "serve", "--db", db_.c_str(), "--port", "0",
            static_cast<char*>(nullptr));
      _exit(127);
    }
    int port = 0;
    for (int i = 0; i < 500 && port == 0; ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
      std::ifstream in(out);
      std::string line;
      std::getline(in, line);
      std::smatch m;
      if (std::regex_search(line, m, std::regex("^plangraph serve: http://127\\.0\\.0\\.1:(\\d+)/"))) {
        port = std::stoi(m[1]);
      }
    }
    ASSERT_GT(port, 0);
    httplib::Client c("127.0.0.1", port);
    auto res = c.Get("/plan/" + std::to_string(commune_));
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 200);
    kill(pid, sig);
    int status = 0;
    waitpid(pid, &status, 0);
    EXPECT_TRUE(WIFEXITED(status)) << sig;
    EXPECT_EQ(WEXITSTATUS(status), 0) << sig;
    std::ifstream err(dir_ / "serve.err");
    std::string log((std::istreambuf_iterator<char>(err)), std::istreambuf_iterator<char>());
    EXPECT_NE(log.find("GET /plan/" + std::to_string(commune_) + " 200 "), std::string::npos) << log;
    EXPECT_NE(log.find("plangraph serve: stopped"), std::string::npos) << log;
  }
}

// The search command finds plans by their header too, before the text hits.
TEST_F(WebServerTest, SearchCommandFindsPlansByHeader) {
  const std::string bin = std::string(PLANGRAPH_BINARY) + " search --db " + testing::Quote(db_);
  auto r = testing::Shell(bin + " dang uy xa tan tien --format csv");
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(r.out.rfind("score,symbol,path,line,kind,section,snippet\n,12-KH/ĐU,", 0), 0u) << r.out;
  EXPECT_NE(r.out.find(",,document,,Thực hiện Nghị quyết số 05-NQ/TU"), std::string::npos);
  r = testing::Shell(bin + " 40-KH/HU");
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(r.out.rfind("Kế hoạch 40-KH/HU  2020-02-14  HUYỆN ỦY CHƯ SÊ  ", 0), 0u) << r.out;
  r = testing::Shell(bin + " 41-KH/HU");
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(r.out, "no match\n");
}

// The audit page's grouped counts agree with Store::Audit, plan by plan.
TEST_F(WebServerTest, GroupedAuditCountsEqualTheAuditOfEachPlan) {
  auto store = Store::OpenReadOnly(db_);
  ASSERT_TRUE(store.ok());
  auto grouped = store->AuditCountsByDocument();
  auto full = store->Audit({});
  ASSERT_TRUE(grouped.ok() && full.ok());
  ASSERT_EQ(grouped->size(), full->documents.size());
  int with_organisation = 0;
  for (size_t i = 0; i < grouped->size(); ++i) {
    const DocumentAudit& g = (*grouped)[i];
    const DocumentAudit& f = full->documents[i];
    EXPECT_EQ(g.document.id, f.document.id);
    EXPECT_EQ(g.counts.tasks, f.counts.tasks);
    EXPECT_EQ(g.counts.tasks_without_deadline, f.counts.tasks_without_deadline);
    EXPECT_EQ(g.counts.tasks_without_assignee, f.counts.tasks_without_assignee);
    EXPECT_EQ(g.counts.targets, f.counts.targets);
    EXPECT_EQ(g.counts.targets_without_year, f.counts.targets_without_year);
    EXPECT_EQ(g.counts.citations, f.counts.citations);
    EXPECT_EQ(g.counts.unresolved_citations, f.counts.unresolved_citations);
    EXPECT_EQ(g.has_organisation_section, f.has_organisation_section) << g.document.symbol;
    with_organisation += g.has_organisation_section;
  }
  EXPECT_EQ(with_organisation, 2);  // the commune's and the committee's plans
  // Read-only: the store refuses to write.
  EXPECT_FALSE(store->Remove(commune_).ok());
}

TEST(WebServeCommandTest, RefusesAMissingDatabase) {
  const auto r = testing::Shell(std::string(PLANGRAPH_BINARY) +
                                " serve --port 0 --db /nonexistent/plans.db 2>&1");
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(r.out, "plangraph: /nonexistent/plans.db: no such database\n");
}

}  // namespace
}  // namespace plangraph
