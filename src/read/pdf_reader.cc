#include "pdf_reader.h"

#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>
#include <re2/re2.h>

#include <algorithm>
#include <climits>
#include <map>
#include <memory>
#include <vector>

#include "text.h"

namespace plangraph {
namespace {

struct PdfLine {
  std::string text;
  double left = 0, right = 0, top = 0, bottom = 0;
};

std::string Utf8(const poppler::ustring& u) {
  poppler::byte_array bytes = u.to_utf8();
  return std::string(bytes.begin(), bytes.end());
}

// Words of one page grouped into lines: a word joins the line whose vertical middle it shares.
std::vector<PdfLine> PageLines(const poppler::page& page) {
  std::vector<poppler::text_box> boxes = page.text_list();
  std::sort(boxes.begin(), boxes.end(), [](const poppler::text_box& a, const poppler::text_box& b) {
    double ma = a.bbox().y() + a.bbox().height() / 2, mb = b.bbox().y() + b.bbox().height() / 2;
    if (std::abs(ma - mb) > std::min(a.bbox().height(), b.bbox().height()) / 2) return ma < mb;
    return a.bbox().x() < b.bbox().x();
  });
  std::vector<PdfLine> lines;
  bool space_after_last = false;
  for (const poppler::text_box& box : boxes) {
    poppler::rectf r = box.bbox();
    double middle = r.y() + r.height() / 2;
    bool same_line = !lines.empty() && middle > lines.back().top && middle < lines.back().bottom;
    if (!same_line) {
      lines.push_back({"", r.x(), r.x() + r.width(), r.y(), r.y() + r.height()});
    } else if (space_after_last || r.x() > lines.back().right + 1) {
      lines.back().text += " ";
    }
    PdfLine& l = lines.back();
    l.text += Utf8(box.text());
    l.right = std::max(l.right, r.x() + r.width());
    l.left = std::min(l.left, r.x());
    space_after_last = box.has_space_after();
  }
  return lines;
}

// The line with its digits masked: "Trang 3" and "Trang 4" are one running footer.
std::string Shape(const std::string& text) {
  std::string s = Trim(text);
  std::replace_if(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; }, '#');
  return s;
}

bool IsPageNumber(const std::string& text) {
  static const RE2 number(R"((?i)^\s*(?:trang\s*)?[-–]?\s*\d{1,4}\s*[-–]?\s*(?:/\s*\d{1,4})?\s*$)");
  return RE2::FullMatch(text, number);
}

// Drops running headers and footers: within the first or last two lines of a page, a line that
// is a page number, or whose shape recurs at the edge of at least half the pages (two at least).
void DropPageFurniture(std::vector<std::vector<PdfLine>>* pages) {
  const size_t kEdge = 2;
  std::map<std::string, int> edge_count;
  for (const auto& lines : *pages) {
    for (size_t i = 0; i < lines.size(); ++i) {
      if (i < kEdge || i + kEdge >= lines.size()) ++edge_count[Shape(lines[i].text)];
    }
  }
  int threshold = std::max<int>(2, static_cast<int>(pages->size() + 1) / 2);
  for (auto& lines : *pages) {
    std::vector<PdfLine> kept;
    for (size_t i = 0; i < lines.size(); ++i) {
      bool edge = i < kEdge || i + kEdge >= lines.size();
      if (edge && (IsPageNumber(lines[i].text) || edge_count[Shape(lines[i].text)] >= threshold)) {
        continue;
      }
      kept.push_back(std::move(lines[i]));
    }
    lines = std::move(kept);
  }
}

bool StartsNewItem(const std::string& text) {
  static const RE2 marker(
      R"(^\s*(?:[-+•*–]\s|\d{1,2}(?:\.\d{1,2})*[.)]\s|[IVXLC]+[.\-]\s|[a-zđ]\)\s|Điều\s+\d))");
  return RE2::PartialMatch(text, marker);
}

// Joins wrapped lines: a line reaching (nearly) the right margin continues on the next one.
std::string JoinLines(const std::vector<std::vector<PdfLine>>& pages) {
  double margin = 0, left = 1e9;
  for (const auto& lines : pages) {
    for (const auto& l : lines) {
      margin = std::max(margin, l.right);
      left = std::min(left, l.left);
    }
  }
  const double kFullLine = 0.9;  // of the text width: a wrapped line fills at least this much
  double full = left + (margin - left) * kFullLine;
  std::string out;
  bool open = false;  // the last line written wrapped onto the next
  for (const auto& lines : pages) {
    for (const auto& l : lines) {
      std::string text = Trim(l.text);
      if (text.empty()) continue;
      if (open && !StartsNewItem(text)) {
        bool hyphen = out.size() >= 2 && out.back() == '-' && out[out.size() - 2] != ' ' &&
                      !StartsWithUpper(text);
        if (hyphen) out.pop_back();
        else out += ' ';
      } else if (!out.empty()) {
        out += '\n';
      }
      out += text;
      open = l.right >= full;
    }
  }
  return out + "\n";
}

}  // namespace

bool LooksLikePdf(std::string_view bytes) { return bytes.substr(0, 5) == "%PDF-"; }

Result<std::string> PdfToText(const std::string& source, std::string_view bytes) {
  if (bytes.size() > static_cast<size_t>(INT_MAX)) {
    return Status::InvalidInput(source + ": PDF too large");
  }
  // poppler reports to stderr by itself ("Incorrect password"); the Status says it instead.
  poppler::set_debug_error_function([](const std::string&, void*) {}, nullptr);
  std::unique_ptr<poppler::document> doc(
      poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
  if (!doc) return Status::InvalidInput(source + ": damaged or truncated PDF");
  if (doc->is_locked()) {
    return Status::InvalidInput(source + ": encrypted PDF (it needs a password to be read)");
  }
  std::vector<std::vector<PdfLine>> pages;
  bool any_text = false;
  for (int i = 0; i < doc->pages(); ++i) {
    std::unique_ptr<poppler::page> page(doc->create_page(i));
    if (!page) continue;
    pages.push_back(PageLines(*page));
    any_text = any_text || !pages.back().empty();
  }
  if (!any_text) {
    return Status::InvalidInput(source +
                                ": PDF without a text layer (a scan); run OCR on it first");
  }
  DropPageFurniture(&pages);
  return JoinLines(pages);
}

}  // namespace plangraph
