// plangraph serve: the web application over a database (src/web_server.h). Parses the options,
// prints the address, and serves until SIGINT or SIGTERM.
#include <CLI/CLI.hpp>
#include <pthread.h>
#include <signal.h>

#include <cstdlib>
#include <iostream>
#include <thread>

#include "commands.h"
#include "plangraph/pipeline.h"
#include "web_server.h"
#include "web_templates.h"

namespace plangraph::cli {

int RunServe(const std::vector<std::string>& args) {
  CLI::App app{"Serve the plan database as a local web application (in Vietnamese): plans, "
               "search, citing plans, audit, citation graphs, each fact linked to its source "
               "line. The database is read-only; an import may run beside it.",
               "plangraph serve"};
  web::ServeOptions o;
  const char* env = std::getenv("PLANGRAPH_DB");
  o.db = env && *env ? env : "plangraph.db";
  o.web_dir = web::DefaultWebDir();
  o.rules_dir = DefaultRulesDir();
  app.add_option("--db", o.db, "database file (default: $PLANGRAPH_DB or plangraph.db)");
  app.add_option("--bind", o.bind, "address to listen on (default 127.0.0.1: this machine only)");
  app.add_option("--port", o.port, "port (default 8080; 0 picks a free one)")
      ->check(CLI::Range(0, 65535));
  app.add_flag("--allow-import", o.allow_import, "accept uploads of documents to import");
  app.add_option("--web", o.web_dir, "folder of templates/ and static/ (default: $PLANGRAPH_WEB "
                                     "or built-in)");
  app.add_option("--rules", o.rules_dir, "rules folder (default: $PLANGRAPH_RULES or built-in)");
  try {
    std::vector<std::string> reversed(args.rbegin(), args.rend());
    app.parse(reversed);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : 2;
  }
  // Signals go to one waiting thread (blocked everywhere else, the server's threads included),
  // which stops the server cleanly.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
  auto server = web::WebServer::Create(o);
  if (!server.ok()) {
    std::cerr << "plangraph: " << server.status().message() << "\n";
    return 2;
  }
  auto port = (*server)->Bind();
  if (!port.ok()) {
    std::cerr << "plangraph: " << port.status().message() << "\n";
    return 2;
  }
  const std::string host = o.bind.find(':') != std::string::npos ? "[" + o.bind + "]" : o.bind;
  std::cout << "plangraph serve: http://" << host << ":" << *port << "/  (database " << o.db
            << (o.allow_import ? ", import allowed" : "") << "; Ctrl-C stops)" << std::endl;
  web::WebServer* raw = server->get();
  std::thread waiter([&stop_signals, raw] {
    int signal = 0;
    sigwait(&stop_signals, &signal);
    raw->Stop();
  });
  const bool ran = raw->Run();
  if (!ran) {
    std::cerr << "plangraph: the server stopped on an error\n";
    pthread_kill(waiter.native_handle(), SIGTERM);
  }
  waiter.join();
  std::cerr << "plangraph serve: stopped\n";
  return ran ? 0 : 2;
}

}  // namespace plangraph::cli
