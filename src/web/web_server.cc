#include "web_server.h"

#include <httplib.h>
#include <stdlib.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <map>

#include "plangraph/pipeline.h"
#include "plangraph/store.h"
#include "web_cache.h"
#include "web_format.h"
#include "web_import.h"
#include "web_pages.h"
#include "web_templates.h"

namespace plangraph::web {
namespace {

namespace fs = std::filesystem;

// One read-only connection per worker thread (a Store is not thread-safe), opened on first use,
// with what the pages keep from it until the database changes.
struct ThreadState {
  Store store;
};

Result<ThreadState*> ThreadStore(const std::string& path) {
  thread_local std::map<std::string, std::unique_ptr<ThreadState>> states;
  auto it = states.find(path);
  if (it != states.end()) return it->second.get();
  auto store = Store::OpenReadOnly(path);
  if (!store.ok()) return store.status();
  auto owned = std::unique_ptr<ThreadState>(new ThreadState{std::move(*store)});
  ThreadState* raw = owned.get();
  states[path] = std::move(owned);
  return raw;
}

int HttpStatus(const Status& s) {
  switch (s.kind()) {
    case Status::Kind::kNotFound: return 404;
    case Status::Kind::kInvalidInput: return 400;
    default: return 500;
  }
}

Params ParamsOf(const httplib::Request& req) {
  Params p;
  for (const auto& [k, v] : req.params) p.emplace(k, v);  // the first value of a repeated name
  return p;
}

thread_local std::chrono::steady_clock::time_point request_start;

}  // namespace

struct WebServer::Impl {
  ServeOptions options;
  Templates templates;
  Extractor extractor;
  std::string work_dir;  // the temporary folder for uploads, "" without --allow-import
  std::unique_ptr<WebCache> cache;
  httplib::Server http;

  Impl(ServeOptions o, Templates t, Extractor e)
      : options(std::move(o)), templates(std::move(t)), extractor(std::move(e)) {}
  ~Impl() {
    if (!work_dir.empty()) {
      std::error_code ec;
      fs::remove_all(work_dir, ec);
    }
  }

  void Send(httplib::Response& res, const Result<Page>& page, const std::string& what) {
    if (!page.ok()) {
      res.status = HttpStatus(page.status());
      const std::string title = res.status == 404   ? "Không tìm thấy"
                                : res.status == 400 ? "Yêu cầu không hợp lệ"
                                                    : "Lỗi máy chủ";
      res.set_content(ErrorPage(templates, title, page.status().message()),
                      "text/html; charset=utf-8");
      return;
    }
    res.set_content(page->body, page->content_type.c_str());
    if (!page->filename.empty()) {
      res.set_header("Content-Disposition", "attachment; filename=\"" + page->filename + "\"");
    }
    (void)what;
  }

  // Runs `fn` with this thread's store; errors become error pages.
  template <typename Fn>
  void Serve(httplib::Response& res, Fn&& fn) {
    auto store = ThreadStore(options.db);
    if (!store.ok()) {
      Send(res, Result<Page>(store.status()), "");
      return;
    }
    if (Status s = cache->Check(); !s.ok()) {
      Send(res, Result<Page>(s), "");
      return;
    }
    PageContext c{(*store)->store, *cache, templates, extractor, options.allow_import};
    Send(res, fn(c), "");
  }

  void Routes() {
    http.set_pre_routing_handler([](const httplib::Request&, httplib::Response& res) {
      request_start = std::chrono::steady_clock::now();
      res.set_header("Content-Security-Policy",
                     "default-src 'none'; style-src 'self'; img-src 'self' data:; "
                     "form-action 'self'; frame-ancestors 'none'; base-uri 'none'");
      res.set_header("X-Content-Type-Options", "nosniff");
      res.set_header("Referrer-Policy", "no-referrer");
      return httplib::Server::HandlerResponse::Unhandled;
    });
    http.Get("/", [this](const httplib::Request& req, httplib::Response& res) {
      Serve(res, [&](PageContext& c) { return HomePage(c, ParamsOf(req)); });
    });
    http.Get("/search", [this](const httplib::Request& req, httplib::Response& res) {
      Serve(res, [&](PageContext& c) { return SearchPage(c, ParamsOf(req)); });
    });
    http.Get(R"(/plan/(\d{1,12}))", [this](const httplib::Request& req, httplib::Response& res) {
      const int64_t id = std::stoll(req.matches[1].str());
      Serve(res, [&](PageContext& c) { return PlanPage(c, id); });
    });
    http.Get(R"(/node/(\d{1,12}))", [this](const httplib::Request& req, httplib::Response& res) {
      const int64_t id = std::stoll(req.matches[1].str());
      Serve(res, [&](PageContext& c) { return NodePage(c, id); });
    });
    http.Get("/cites", [this](const httplib::Request& req, httplib::Response& res) {
      Serve(res, [&](PageContext& c) { return CitesPage(c, ParamsOf(req)); });
    });
    http.Get("/audit", [this](const httplib::Request& req, httplib::Response& res) {
      Serve(res, [&](PageContext& c) { return AuditPage(c, ParamsOf(req)); });
    });
    http.Get("/audit.csv", [this](const httplib::Request& req, httplib::Response& res) {
      Serve(res, [&](PageContext& c) { return AuditCsv(c, ParamsOf(req)); });
    });
    http.Get("/graph", [this](const httplib::Request& req, httplib::Response& res) {
      Serve(res, [&](PageContext& c) { return GraphPage(c, ParamsOf(req)); });
    });
    http.Get("/static/style.css", [this](const httplib::Request&, httplib::Response& res) {
      res.set_content(templates.css(), "text/css; charset=utf-8");
    });
    http.Get("/import", [this](const httplib::Request&, httplib::Response& res) {
      Send(res, ImportForm(), "");
    });
    http.Post("/import", [this](const httplib::Request& req, httplib::Response& res) {
      Send(res, ImportPost(req), "");
    });
    http.set_error_handler([this](const httplib::Request&, httplib::Response& res) {
      if (!res.body.empty()) return;
      const std::string title = res.status == 404 ? "Không tìm thấy" : "Lỗi";
      res.set_content(ErrorPage(templates, title, "HTTP " + std::to_string(res.status)),
                      "text/html; charset=utf-8");
    });
    http.set_exception_handler(
        [this](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
          res.status = 500;
          res.set_content(ErrorPage(templates, "Lỗi máy chủ", "lỗi không mong đợi"),
                          "text/html; charset=utf-8");
        });
    if (options.log) {
      http.set_logger([](const httplib::Request& req, const httplib::Response& res) {
        const double ms = std::chrono::duration<double, std::milli>(
                              std::chrono::steady_clock::now() - request_start)
                              .count();
        std::string target = Utf8Cut(req.target, 300);
        for (char& ch : target) {
          if (static_cast<unsigned char>(ch) < 0x20) ch = '?';
        }
        std::fprintf(stderr, "%s %s %d %.1f ms\n", req.method.c_str(), target.c_str(),
                     res.status, ms);
      });
    }
  }

  Result<Page> ImportForm() {
    if (!options.allow_import) {
      return Status::NotFound("import is off: start the server with --allow-import");
    }
    Data d;
    d.set("max_mb", VnNumber(static_cast<int64_t>(options.max_upload_bytes >> 20)));
    auto html = templates.RenderPage("import", "Nhập văn bản", d);
    if (!html.ok()) return html.status();
    return Page{std::move(*html)};
  }

  Result<Page> ImportPost(const httplib::Request& req) {
    if (!options.allow_import) {
      return Status::NotFound("import is off: start the server with --allow-import");
    }
    if (!req.is_multipart_form_data()) {
      return Status::InvalidInput("import: send the files as multipart/form-data");
    }
    std::vector<Upload> uploads;
    for (const auto& [field, file] : req.files) {
      if (field != "files" || (file.filename.empty() && file.content.empty())) continue;
      uploads.push_back({file.filename, file.content});
    }
    if (uploads.empty()) return Status::InvalidInput("import: no file chosen");
    const std::vector<ImportItem> items =
        ImportUploads(extractor, options.db, work_dir, uploads);
    Data d;
    d.set("max_mb", VnNumber(static_cast<int64_t>(options.max_upload_bytes >> 20)));
    Data list{Data::type::list};
    int imported = 0, replaced = 0, unchanged = 0, failed = 0;
    static const std::map<std::string, std::string> kOutcomes = {
        {"imported", "đã nhập"}, {"replaced", "đã thay bản cũ"},
        {"unchanged", "không đổi"}, {"failed", "lỗi"}};
    for (const ImportItem& item : items) {
      Data x;
      x.set("name", item.name);
      x.set("outcome", kOutcomes.at(item.outcome));
      x.set("failed", item.outcome == "failed");
      x.set("error", item.error);
      if (item.document_id) x.set("url", "/plan/" + std::to_string(item.document_id));
      list.push_back(x);
      imported += item.outcome == "imported";
      replaced += item.outcome == "replaced";
      unchanged += item.outcome == "unchanged";
      failed += item.outcome == "failed";
    }
    d.set("results", list);
    d.set("done", true);
    d.set("summary", VnNumber(static_cast<int64_t>(items.size())) + " tệp: " +
                         VnNumber(imported) + " đã nhập, " + VnNumber(replaced) +
                         " thay bản cũ, " + VnNumber(unchanged) + " không đổi, " +
                         VnNumber(failed) + " lỗi");
    auto html = templates.RenderPage("import", "Nhập văn bản", d);
    if (!html.ok()) return html.status();
    return Page{std::move(*html)};
  }
};

WebServer::WebServer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
WebServer::~WebServer() = default;

Result<std::unique_ptr<WebServer>> WebServer::Create(const ServeOptions& options) {
  auto templates = Templates::Load(options.web_dir);
  if (!templates.ok()) return templates.status();
  auto extractor = Extractor::Create(options.rules_dir);
  if (!extractor.ok()) return extractor.status();
  // Refuse a missing or foreign database now rather than on every page.
  auto store = Store::OpenReadOnly(options.db);
  if (!store.ok()) return store.status();
  auto cache = WebCache::Create(options.db);
  if (!cache.ok()) return cache.status();
  auto impl = std::make_unique<Impl>(options, std::move(*templates), std::move(*extractor));
  impl->cache = std::move(*cache);
  if (options.allow_import) {
    std::string pattern = (fs::temp_directory_path() / "plangraph-serve-XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr) {
      return Status::IOError(pattern + ": cannot create the temporary folder for uploads");
    }
    impl->work_dir = pattern;
  }
  impl->http.set_payload_max_length(options.max_upload_bytes);
  impl->http.set_read_timeout(30, 0);
  impl->Routes();
  return std::unique_ptr<WebServer>(new WebServer(std::move(impl)));
}

Result<int> WebServer::Bind() {
  const std::string& host = impl_->options.bind;
  if (impl_->options.port == 0) {
    const int port = impl_->http.bind_to_any_port(host);
    if (port <= 0) return Status::IOError(host + ": cannot listen on any port");
    return port;
  }
  if (!impl_->http.bind_to_port(host, impl_->options.port)) {
    return Status::IOError(host + ":" + std::to_string(impl_->options.port) +
                           ": cannot listen (in use, or not an address of this machine)");
  }
  return impl_->options.port;
}

bool WebServer::Run() { return impl_->http.listen_after_bind(); }

void WebServer::Stop() { impl_->http.stop(); }

}  // namespace plangraph::web
