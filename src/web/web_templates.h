// The HTML templates of the web application: Mustache files (kainjow/mustache) under a folder,
// by default those installed beside the binary or those of the source tree (DefaultWebDir;
// $PLANGRAPH_WEB or --web overrides the folder holding templates/ and static/, as --rules does
// for rules/).
//
// {{name}} escapes HTML (& < > " '), so text from a document always renders as text; only
// {{{name}}} inserts HTML, and it is used only for HTML built by this program (the page body,
// Graphviz's SVG, highlighted snippets escaped in web_format.cc). Templates are read once and
// parsed on every render, which keeps Render const and safe to call from many threads.
#ifndef PLANGRAPH_WEB_TEMPLATES_H_
#define PLANGRAPH_WEB_TEMPLATES_H_

#include <kainjow/mustache.hpp>

#include <map>
#include <string>

#include "plangraph/status.h"

namespace plangraph::web {

using Data = kainjow::mustache::data;

class Templates {
 public:
  // Reads every DIR/templates/*.mustache and DIR/static/style.css; each template must parse.
  // NotFound names a missing folder or file, BadRule a template that does not parse.
  static Result<Templates> Load(const std::string& web_dir);

  // `page` rendered with `data`, then placed in layout.mustache as {{{body}}} with `title`.
  Result<std::string> RenderPage(const std::string& page, const std::string& title,
                                 const Data& data) const;
  const std::string& css() const { return css_; }

 private:
  Result<std::string> Render(const std::string& name, const Data& data) const;
  std::map<std::string, std::string> sources_;
  std::string css_;
};

// The web folder to use when none is given: $PLANGRAPH_WEB, else share/plangraph/web beside an
// installed binary (PREFIX/bin/plangraph), else web/ of the source tree this binary was built
// from, else "web".
std::string DefaultWebDir();

}  // namespace plangraph::web

#endif  // PLANGRAPH_WEB_TEMPLATES_H_
