#include "pdf_reader.h"

#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>

#include <climits>
#include <cstdio>
#include <memory>
#include <vector>

#include "encoding.h"
#include "ocr.h"
#include "pdf_document.h"
#include "page_layout.h"
#include "text.h"
#include "text_quality.h"

namespace plangraph {
namespace {

std::string Utf8(const poppler::ustring& u) {
  poppler::byte_array bytes = u.to_utf8();
  return std::string(bytes.begin(), bytes.end());
}

LayoutPage PageWords(const poppler::page& page) {
  LayoutPage out;
  out.width = page.page_rect().width();
  for (const poppler::text_box& box : page.text_list()) {
    poppler::rectf r = box.bbox();
    out.words.push_back({Utf8(box.text()), r.x(), r.y(), r.x() + r.width(), r.y() + r.height(),
                         box.has_space_after()});
  }
  return out;
}

void ReplaceAll(std::string* text, std::string_view from, std::string_view to) {
  for (size_t at = text->find(from); at != std::string::npos;
       at = text->find(from, at + to.size())) {
    text->replace(at, from.size(), to);
  }
}

// Glyph substitutes seen in the text layers of Vietnamese PDFs: {as extracted, the letter meant}.
// ƣ/Ƣ (U+01A3/U+01A2, "oi") come from fonts that encode ư/Ư at that code point; no Vietnamese
// word has them, so the mapping is always safe.
constexpr std::pair<std::string_view, std::string_view> kGlyphSubstitutes[] = {{"ƣ", "ư"},
                                                                               {"Ƣ", "Ư"}};
// Fonts that draw "Ò" with the code of "Õ" ("CỘNG HÕA") are recognised by the quốc hiệu, which
// every administrative document prints; "Õ" is a real letter ("VÕ"), so only then is it mapped.
constexpr std::string_view kTildeForGraveProof = "CỘNG HÕA";

std::string Confidence(double value) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.2f", value);
  return buf;
}

// Why a decoded text layer cannot be extracted, or "".
std::string WhyNotUsable(const std::string& text) {
  if (IsBlank(text)) return "the PDF has no text layer (a scan)";
  if (IsStampOnly(text)) {
    return "the PDF's only text is an e-signature stamp (its body is a scanned image)";
  }
  std::string reason = UnreadableReason(MeasureText(text));
  if (!reason.empty()) return "the PDF's text layer is unreadable (broken font map): " + reason;
  return "";
}

Result<DecodedText> FromOcr(const std::string& source, Result<OcrText> ocr, const char* format) {
  if (!ocr.ok()) return ocr.status();
  DecodedText d;
  d.format = format;
  d.text = ToNfc(ocr->text);
  d.encoding = "OCR (Tesseract, vie), confidence " + Confidence(ocr->confidence);
  std::string reason = UnreadableReason(MeasureText(d.text));
  if (!reason.empty()) {
    return Status::Unreadable(source + ": OCR gave no usable text (" + reason +
                              ", mean confidence " + Confidence(ocr->confidence) +
                              "); scan it again at 300 dpi or more");
  }
  return d;
}

}  // namespace

bool LooksLikePdf(std::string_view bytes) { return bytes.substr(0, 5) == "%PDF-"; }

std::string FixGlyphSubstitutes(std::string text) {
  for (const auto& [wrong, right] : kGlyphSubstitutes) ReplaceAll(&text, wrong, right);
  if (text.find(kTildeForGraveProof) != std::string::npos) ReplaceAll(&text, "Õ", "Ò");
  return text;
}

Result<std::string> PdfTextLayer(const std::string& source, std::string_view bytes) {
  auto opened = OpenPdfDocument(source, bytes);
  if (!opened.ok()) return opened.status();
  std::unique_ptr<poppler::document> doc = std::move(*opened);
  std::vector<LayoutPage> pages;
  for (int i = 0; i < doc->pages(); ++i) {
    std::unique_ptr<poppler::page> page(doc->create_page(i));
    pages.push_back(page ? PageWords(*page) : LayoutPage{});
  }
  return FixGlyphSubstitutes(ToNfc(LayoutToText(pages)));
}

Result<DecodedText> ReadPdf(const std::string& source, std::string_view bytes, OcrMode ocr) {
  auto layer = PdfTextLayer(source, bytes);
  if (!layer.ok()) return layer.status();
  if (ocr == OcrMode::kAlways) return FromOcr(source, OcrPdf(source, bytes), "pdf");
  DecodedText d;
  d.format = "pdf";
  d.encoding = "PDF text layer";
  d.text = std::move(*layer);
  // A layer typed in a legacy 8-bit font reads as Latin-1 ("KÕ ho¹ch" for "Kế hoạch").
  if (auto repaired = RepairMojibake(d.text)) {
    d.text = FixGlyphSubstitutes(std::move(repaired->first));
    d.encoding = "PDF text layer, legacy font: " + repaired->second;
  }
  std::string why = WhyNotUsable(d.text);
  if (why.empty()) return d;
  if (ocr == OcrMode::kNever) {
    return Status::Unreadable(source + ": " + why + "; read it by OCR with --ocr auto");
  }
  return FromOcr(source, OcrPdf(source, bytes), "pdf");
}

Result<DecodedText> ReadImage(const std::string& source, std::string_view bytes, OcrMode ocr) {
  if (ocr == OcrMode::kNever) {
    return Status::Unreadable(source +
                              ": an image (a scan) is read only by OCR, and --ocr never "
                              "forbids it");
  }
  return FromOcr(source, OcrImage(source, bytes), "image");
}

}  // namespace plangraph
