// Helpers of the web application tests: a database of small plans written by the tests, and a
// plangraph serve server on 127.0.0.1 with an ephemeral port, run in-process.
#ifndef PLANGRAPH_TESTS_WEB_TEST_UTIL_H_
#define PLANGRAPH_TESTS_WEB_TEST_UTIL_H_

#include <httplib.h>

#include <fstream>
#include <memory>
#include <thread>

#include "plangraph/store.h"
#include "test_util.h"
#include "web_server.h"

namespace plangraph::testing {

// Imports `files` (written under `dir` first: {name, text}) into `db`; returns the ids in order.
inline std::vector<int64_t> ImportTexts(const std::string& db, const std::filesystem::path& dir,
                                        const std::vector<std::pair<std::string, std::string>>& files) {
  auto store = Store::Open(db);
  EXPECT_TRUE(store.ok()) << store.status().message();
  std::vector<int64_t> ids;
  for (const auto& [name, text] : files) {
    const std::string path = (dir / name).string();
    std::ofstream(path, std::ios::binary) << text;
    auto e = ProjectExtractor().ExtractBytes(path, text);
    EXPECT_TRUE(e.ok()) << e.status().message();
    auto outcome = store->Import(*e, path, Store::ContentHash(text),
                                 static_cast<int64_t>(text.size()));
    EXPECT_TRUE(outcome.ok()) << outcome.status().message();
    ids.push_back(outcome.ok() ? outcome->document_id : 0);
  }
  return ids;
}

// A running server; stopped and joined on destruction.
class TestServer {
 public:
  explicit TestServer(const std::string& db, bool allow_import = false) {
    web::ServeOptions o;
    o.db = db;
    o.port = 0;
    o.allow_import = allow_import;
    o.web_dir = SourceDir() + "/web";
    o.rules_dir = SourceDir() + "/rules";
    o.log = false;
    o.max_upload_bytes = size_t{4} << 20;
    auto server = web::WebServer::Create(o);
    EXPECT_TRUE(server.ok()) << server.status().message();
    if (!server.ok()) return;
    server_ = std::move(*server);
    auto port = server_->Bind();
    EXPECT_TRUE(port.ok()) << port.status().message();
    port_ = port.ok() ? *port : 0;
    thread_ = std::thread([this] { server_->Run(); });
    // Stop() before the accept loop runs would be lost: wait until the server answers.
    for (int i = 0; i < 500; ++i) {
      if (Client().Get("/static/style.css")) break;
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
  }
  ~TestServer() {
    if (server_) server_->Stop();
    if (thread_.joinable()) thread_.join();
  }
  int port() const { return port_; }
  httplib::Client Client() const {
    httplib::Client c("127.0.0.1", port_);
    c.set_read_timeout(30, 0);
    return c;
  }
  std::string Url(const std::string& path) const {
    return "http://127.0.0.1:" + std::to_string(port_) + path;
  }

 private:
  std::unique_ptr<web::WebServer> server_;
  int port_ = 0;
  std::thread thread_;
};

}  // namespace plangraph::testing

#endif  // PLANGRAPH_TESTS_WEB_TEST_UTIL_H_
