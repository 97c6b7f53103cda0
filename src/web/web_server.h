// plangraph serve: a local web application over a plan database, in Vietnamese. It answers the
// three questions of the tool (what a plan says and who must do what by when; which plans cite
// a document; which tasks lack a deadline or an assignee) with links from every fact to its
// source line. Pages are server-rendered HTML (web_pages.h); no JavaScript is needed.
//
// The database is opened read-only, one connection per worker thread, so `plangraph import`
// may run beside the server (WAL) and each committed plan shows on the next request. With
// allow_import the server also takes uploads (web_import.h), written under its own temporary
// folder, which it removes when it stops.
//
//   auto server = WebServer::Create(options);   // loads rules and templates, checks the database
//   auto port = (*server)->Bind();             // 0 in options.port: an ephemeral port
//   (*server)->Run();                          // until Stop() (from another thread)
#ifndef PLANGRAPH_WEB_SERVER_H_
#define PLANGRAPH_WEB_SERVER_H_

#include <cstdint>
#include <memory>
#include <string>

#include "plangraph/status.h"

namespace plangraph::web {

struct ServeOptions {
  std::string db;
  std::string bind = "127.0.0.1";
  int port = 8080;
  bool allow_import = false;
  std::string web_dir;    // holds templates/ and static/
  std::string rules_dir;  // for what a user types to "cites", and for imports
  size_t max_upload_bytes = size_t{64} << 20;
  bool log = true;        // one line per request on stderr
};

class WebServer {
 public:
  static Result<std::unique_ptr<WebServer>> Create(const ServeOptions& options);
  ~WebServer();

  // Binds the listening socket; returns the port (the chosen one when options.port is 0).
  Result<int> Bind();
  // Serves until Stop(); false when the server could not run.
  bool Run();
  // Safe from any thread; Run() returns once the requests in progress are answered.
  void Stop();

 private:
  struct Impl;
  explicit WebServer(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace plangraph::web

#endif  // PLANGRAPH_WEB_SERVER_H_
