// A real browser over plangraph serve: headless Chromium loads the home, search, plan, cites,
// audit and graph pages of a database of corpus/docs; the test checks the DOM Chromium built
// (--dump-dom) for the expected facts and keeps a screenshot of each page in the build folder
// (web-screenshots/, test artefacts, not committed). Skipped, with a message, without chromium
// (tools/install-deps.sh installs it).
#include <gtest/gtest.h>

#include <filesystem>

#include "web_format.h"
#include "web_test_util.h"

namespace plangraph {
namespace {

namespace fs = std::filesystem;

std::string Chromium() {
  for (const char* name : {"chromium", "chromium-browser", "google-chrome"}) {
    if (testing::Shell(std::string("command -v ") + name + " >/dev/null 2>&1").status == 0) {
      return name;
    }
  }
  return "";
}

TEST(WebBrowserTest, ChromiumRendersEveryPageOfTheCorpusDatabase) {
  const std::string chromium = Chromium();
  if (chromium.empty()) GTEST_SKIP() << "chromium not installed (tools/install-deps.sh installs it)";
  const fs::path dir = testing::FreshTestDir("browser");
  const std::string db = (dir / "corpus.db").string();
  std::vector<std::pair<std::string, std::string>> files;
  for (const auto& entry : fs::directory_iterator(testing::SourceDir() + "/corpus/docs")) {
    std::ifstream in(entry.path(), std::ios::binary);
    files.push_back({entry.path().filename().string(),
                     std::string(std::istreambuf_iterator<char>(in), {})});
  }
  std::sort(files.begin(), files.end());
  const std::vector<int64_t> ids = testing::ImportTexts(db, dir, files);
  auto store = Store::OpenReadOnly(db);
  ASSERT_TRUE(store.ok());
  auto daklak = store->DocumentByRef("49-KH/TU");
  ASSERT_TRUE(daklak.ok()) << daklak.status().message();
  const std::string plan = std::to_string(daklak->id);

  testing::TestServer server(db);
  const fs::path shots = fs::path(PLANGRAPH_BINARY).parent_path() / "web-screenshots";
  fs::create_directories(shots);
  struct Case {
    std::string name, path;
    std::vector<std::string> facts;  // in the DOM Chromium built
  };
  const std::vector<Case> cases = {
      {"home", "/",
       {"<b id=\"count-documents\">" + std::to_string(files.size()) + "</b>",
        "Nghị quyết 02-NQ/TW", "nhiệm vụ chưa có thời hạn"}},
      {"search", "/search?q=" + web::UrlEncode("tinh uy dak lak"),
       {"Văn bản có số, cơ quan hoặc trích yếu khớp", "href=\"/plan/" + plan + "\"", "<mark>"}},
      {"plan", "/plan/" + plan,
       {"<h1 id=\"plan-name\">Kế hoạch 49-KH/TU</h1>", "16/11/2021", "TỈNH ỦY ĐẮK LẮK",
        "Nghị quyết 02-NQ/TW", "id=\"L20\"", "class=\"role\""}},
      {"cites", "/cites?ref=" + web::UrlEncode("nq 02/tw 2021"),
       {"id=\"node-name\"", "Nghị quyết 02-NQ/TW", "href=\"/plan/" + plan + "\">Kế hoạch 49-KH/TU"}},
      {"audit", "/audit",
       {"<p id=\"audit-total\">" + std::to_string(files.size()) + " văn bản:",
        "href=\"/plan/" + plan + "#L"}},
      {"graph", "/graph?plan=" + plan, {"<svg", "/plan/" + plan, "Kế hoạch 49-KH/TU"}},
  };
  for (const Case& c : cases) {
    const std::string profile = (dir / ("profile-" + c.name)).string();
    const std::string flags =
        " --headless --no-sandbox --disable-gpu --disable-quic --no-first-run"
        " --disable-background-networking --disable-component-update --disable-sync"
        " --window-size=1280,900 --user-data-dir=";
    const auto dom = testing::Shell("timeout 120 " + chromium + flags + testing::Quote(profile) +
                                    " --dump-dom " + testing::Quote(server.Url(c.path)) +
                                    " 2>/dev/null");
    ASSERT_EQ(dom.status, 0) << c.name;
    for (const std::string& fact : c.facts) {
      EXPECT_NE(dom.out.find(fact), std::string::npos) << c.name << ": " << fact;
    }
    EXPECT_EQ(dom.out.find("<script"), std::string::npos) << c.name;
    const fs::path png = shots / (c.name + ".png");
    fs::remove(png);
    const auto shot = testing::Shell("cd " + testing::Quote(shots.string()) + " && timeout 120 " +
                                     chromium + flags + testing::Quote(profile + "-shot") +
                                     " --screenshot=" + testing::Quote(png.string()) + " " +
                                     testing::Quote(server.Url(c.path)) + " >/dev/null 2>&1");
    EXPECT_EQ(shot.status, 0) << c.name;
    EXPECT_TRUE(fs::exists(png) && fs::file_size(png) > 1000) << png;
  }
}

}  // namespace
}  // namespace plangraph
