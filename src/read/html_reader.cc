#include "html_reader.h"

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <memory>
#include <set>

#include "text.h"

namespace plangraph {
namespace {

// Elements whose content is never part of the document text.
const std::set<std::string>& Dropped() {
  static const std::set<std::string> names = {"script", "style",  "noscript", "nav",  "header",
                                              "footer", "form",   "aside",    "iframe", "svg",
                                              "button", "select", "template", "head", "object"};
  return names;
}

// Elements that end a line of text.
const std::set<std::string>& Blocks() {
  static const std::set<std::string> names = {
      "p",  "div", "li", "h1", "h2", "h3",      "h4",     "h5",     "h6",    "br",   "hr",
      "ul", "ol",  "dl", "dt", "dd", "section", "article", "center", "table", "tbody", "thead",
      "tfoot", "pre", "blockquote", "address", "main", "body", "caption"};
  return names;
}

std::string Name(const xmlNode* n) {
  std::string s = n->name ? reinterpret_cast<const char*>(n->name) : "";
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

class TextWriter {
 public:
  void Walk(const xmlNode* node) {
    for (const xmlNode* n = node; n; n = n->next) {
      if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
        Append(reinterpret_cast<const char*>(n->content));
        continue;
      }
      if (n->type != XML_ELEMENT_NODE) continue;
      std::string name = Name(n);
      if (Dropped().count(name)) continue;
      if (name == "tr") {
        Row(n);
        continue;
      }
      bool block = Blocks().count(name) > 0;
      if (block) EndLine();
      Walk(n->children);
      if (block) EndLine();
    }
  }

  std::string Finish() {
    EndLine();
    return out_;
  }

 private:
  // Text runs: whitespace (including newlines inside the source) collapses to one space.
  void Append(const char* text) {
    if (!text) return;
    line_ += text;
  }

  void EndLine() {
    std::string line = CollapseSpaces(line_);
    line_.clear();
    if (!line.empty()) out_ += line + "\n";
  }

  void Row(const xmlNode* tr) {
    EndLine();
    std::string row = "|";
    for (const xmlNode* c = tr->children; c; c = c->next) {
      if (c->type != XML_ELEMENT_NODE) continue;
      std::string name = Name(c);
      if (name != "td" && name != "th") continue;
      TextWriter cell;
      cell.Walk(c->children);
      std::string text = cell.Finish();
      std::replace(text.begin(), text.end(), '\n', ' ');
      std::replace(text.begin(), text.end(), '|', '/');  // a bar would split the cell
      row += " " + Trim(text) + " |";
    }
    out_ += row + "\n";
  }

  std::string line_;
  std::string out_;
};

}  // namespace

bool LooksLikeHtml(std::string_view bytes) {
  std::string_view s = bytes.substr(0, 1024);
  if (s.substr(0, 3) == "\xEF\xBB\xBF") s.remove_prefix(3);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  std::string head(s.substr(0, 200));
  std::transform(head.begin(), head.end(), head.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  return head.rfind("<!doctype html", 0) == 0 || head.rfind("<html", 0) == 0 ||
         (head.rfind("<", 0) == 0 && (head.find("<head") != std::string::npos ||
                                      head.find("<body") != std::string::npos ||
                                      head.find("<meta") != std::string::npos));
}

Result<std::string> HtmlToText(const std::string& source, std::string_view bytes) {
  const int options = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                      HTML_PARSE_NONET | HTML_PARSE_COMPACT;
  if (bytes.size() > static_cast<size_t>(INT32_MAX)) {
    return Status::InvalidInput(source + ": HTML document too large");
  }
  // Without a declared charset libxml2 would assume Latin-1; portals today serve UTF-8.
  std::string head(bytes.substr(0, 4096));
  std::transform(head.begin(), head.end(), head.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  const char* encoding = head.find("charset") == std::string::npos ? "UTF-8" : nullptr;
  std::unique_ptr<xmlDoc, void (*)(xmlDocPtr)> doc(
      htmlReadMemory(bytes.data(), static_cast<int>(bytes.size()), source.c_str(), encoding,
                     options),
      xmlFreeDoc);
  if (!doc) return Status::InvalidInput(source + ": not a readable HTML document");
  const xmlNode* root = xmlDocGetRootElement(doc.get());
  if (!root) return Status::InvalidInput(source + ": empty HTML document");
  // Prefer the <body>; a fragment without one is walked whole.
  const xmlNode* start = root;
  for (const xmlNode* n = root->children; n; n = n->next) {
    if (n->type == XML_ELEMENT_NODE && Name(n) == "body") start = n;
  }
  TextWriter writer;
  writer.Walk(start == root ? root : start->children);
  std::string text = writer.Finish();
  if (text.empty()) return Status::InvalidInput(source + ": HTML document without text");
  return text;
}

}  // namespace plangraph
