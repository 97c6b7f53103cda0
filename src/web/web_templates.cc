#include "web_templates.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace plangraph::web {
namespace {

namespace fs = std::filesystem;

Result<std::string> ReadAll(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound(path.string() + ": cannot read");
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

}  // namespace

std::string DefaultWebDir() {
  const char* env = std::getenv("PLANGRAPH_WEB");
  if (env != nullptr && *env) return env;
  // An installed binary (PREFIX/bin/plangraph) finds PREFIX/share/plangraph/web, wherever the
  // prefix was moved, as it finds its rules (DefaultRulesDir); a binary in the build tree has
  // none there and uses the source tree's.
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    const fs::path installed = exe.parent_path().parent_path() / "share" / "plangraph" / "web";
    if (fs::exists(installed / "templates" / "layout.mustache", ec)) return installed.string();
  }
#ifdef PLANGRAPH_SOURCE_WEB_DIR
  if (fs::is_directory(PLANGRAPH_SOURCE_WEB_DIR, ec)) return PLANGRAPH_SOURCE_WEB_DIR;
#endif
  return "web";
}

Result<Templates> Templates::Load(const std::string& web_dir) {
  const fs::path folder = fs::path(web_dir) / "templates";
  std::error_code ec;
  if (!fs::is_directory(folder, ec)) {
    return Status::NotFound(folder.string() + ": no templates folder");
  }
  Templates t;
  for (const auto& entry : fs::directory_iterator(folder, ec)) {
    if (entry.path().extension() != ".mustache") continue;
    auto text = ReadAll(entry.path());
    if (!text.ok()) return text.status();
    kainjow::mustache::mustache parsed(*text);
    if (!parsed.is_valid()) {
      return Status::BadRule(entry.path().string() + ": " + parsed.error_message());
    }
    t.sources_[entry.path().stem().string()] = std::move(*text);
  }
  if (ec) return Status::IOError(folder.string() + ": " + ec.message());
  if (!t.sources_.count("layout")) {
    return Status::NotFound((folder / "layout.mustache").string() + ": missing");
  }
  auto css = ReadAll(fs::path(web_dir) / "static" / "style.css");
  if (!css.ok()) return css.status();
  t.css_ = std::move(*css);
  return t;
}

Result<std::string> Templates::Render(const std::string& name, const Data& data) const {
  auto it = sources_.find(name);
  if (it == sources_.end()) return Status::NotFound("template " + name + ".mustache: missing");
  kainjow::mustache::mustache tmpl(it->second);
  std::string out = tmpl.render(data);
  if (!tmpl.is_valid()) {
    return Status::Internal("template " + name + ".mustache: " + tmpl.error_message());
  }
  return out;
}

Result<std::string> Templates::RenderPage(const std::string& page, const std::string& title,
                                          const Data& data) const {
  auto body = Render(page, data);
  if (!body.ok()) return body.status();
  Data layout;
  layout.set("title", title);
  layout.set("body", *body);
  return Render("layout", layout);
}

}  // namespace plangraph::web
