#include "ocr.h"

#include <allheaders.h>
#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-image.h>
#include <poppler-page-renderer.h>
#include <poppler-page.h>
#include <tesseract/baseapi.h>
#include <unistd.h>

#include <chrono>
#include <climits>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string_view>
#include <utility>

#include "page_layout.h"
#include "pdf_document.h"

namespace plangraph {
namespace {

constexpr int kDpi = 300;            // render resolution of scanned PDF pages
constexpr char kLanguage[] = "vie";  // Tesseract's Vietnamese model
constexpr l_int32 kMaxTiffPages = 2000;
constexpr float kMinWordConfidence = 30;  // below this a "word" is mostly noise (stamps, lines)

// OpenMP, when Tesseract is built with it: one thread per recognition. Extra threads spin while
// they wait, which on a busy machine made a page ten times slower; callers that want
// parallelism read several files at once.
extern "C" void omp_set_num_threads(int) __attribute__((weak));

// Where Tesseract looks for its models: $TESSDATA_PREFIX, else Debian's folder.
std::string TessdataDir() {
  if (const char* env = std::getenv("TESSDATA_PREFIX"); env != nullptr && *env != '\0') return env;
  return TESSDATA_DEFAULT_DIR;
}

class Recogniser {
 public:
  Status Init(const std::string& source) {
    std::string dir = TessdataDir();
    std::string model = dir + "/" + kLanguage + ".traineddata";
    if (!std::filesystem::exists(model)) {
      return Status::InvalidInput(
          source + ": OCR needs Tesseract's Vietnamese model, and " + model +
          " does not exist (install the Debian package tesseract-ocr-vie, or set TESSDATA_PREFIX "
          "to the folder holding vie.traineddata)");
    }
    if (omp_set_num_threads != nullptr) omp_set_num_threads(1);
    if (api_.Init(dir.c_str(), kLanguage) != 0) {
      return Status::InvalidInput(source + ": Tesseract could not load " + model);
    }
    api_.SetPageSegMode(tesseract::PSM_AUTO);
    api_.SetVariable("debug_file", "/dev/null");  // "Detected 989 diacritics" and the like
    return Status::Ok();
  }

  // Recognises the image set on the API and appends its words to `page`.
  void Words(LayoutPage* page) {
    api_.Recognize(nullptr);
    std::unique_ptr<tesseract::ResultIterator> it(api_.GetIterator());
    if (!it) return;
    const auto level = tesseract::RIL_WORD;
    do {
      std::unique_ptr<char[]> text(it->GetUTF8Text(level));
      if (!text) continue;
      float confidence = it->Confidence(level);
      if (confidence < kMinWordConfidence) continue;
      int l, t, r, b;
      if (!it->BoundingBox(level, &l, &t, &r, &b)) continue;
      page->words.push_back({text.get(), double(l), double(t), double(r), double(b), true});
      confidence_sum_ += confidence;
      ++words_;
    } while (it->Next(level));
  }

  tesseract::TessBaseAPI& api() { return api_; }
  double MeanConfidence() const { return words_ == 0 ? 0 : confidence_sum_ / words_ / 100; }

 private:
  tesseract::TessBaseAPI api_;
  double confidence_sum_ = 0;
  size_t words_ = 0;
};

// One progress line per page on a terminal's stderr, erased when done.
class PageProgress {
 public:
  PageProgress(const std::string& source, int pages)
      : source_(source), pages_(pages), on_(isatty(STDERR_FILENO) == 1) {}
  ~PageProgress() {
    if (on_) std::fprintf(stderr, "\r\033[K");
  }
  void Page(int i) {
    if (on_) std::fprintf(stderr, "\r\033[KOCR %s: page %d of %d", source_.c_str(), i + 1, pages_);
  }

 private:
  std::string source_;
  int pages_;
  bool on_;
};

double SecondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// Characters Tesseract reads for others that the extraction rules look for: the fraction
// slash and division slash for "/" ("Số: 1105⁄KH-ĐKT").
constexpr std::pair<std::string_view, std::string_view> kOcrConfusables[] = {
    {"\u2044", "/"}, {"\u2215", "/"}};

std::string WithoutConfusables(std::string text) {
  for (const auto& [wrong, right] : kOcrConfusables) {
    for (size_t at = text.find(wrong); at != std::string::npos; at = text.find(wrong, at)) {
      text.replace(at, wrong.size(), right);
    }
  }
  return text;
}

Result<OcrText> Finish(const std::string& source, const std::vector<LayoutPage>& pages,
                       const Recogniser& recogniser, std::vector<double> seconds) {
  OcrText out;
  out.text = WithoutConfusables(LayoutToText(pages));
  if (out.text.empty()) {
    return Status::Unreadable(source + ": OCR found no text on its " +
                              std::to_string(pages.size()) + " page(s)");
  }
  out.confidence = recogniser.MeanConfidence();
  out.page_seconds = std::move(seconds);
  return out;
}

}  // namespace

bool LooksLikeImage(std::string_view bytes) {
  return bytes.substr(0, 8) == "\x89PNG\r\n\x1a\n" || bytes.substr(0, 3) == "\xFF\xD8\xFF" ||
         bytes.substr(0, 4) == std::string_view("II*\0", 4) ||
         bytes.substr(0, 4) == std::string_view("MM\0*", 4);
}

Result<OcrText> OcrPdf(const std::string& source, std::string_view bytes) {
  auto opened = OpenPdfDocument(source, bytes);
  if (!opened.ok()) return opened.status();
  std::unique_ptr<poppler::document> doc = std::move(*opened);
  Recogniser recogniser;
  if (Status s = recogniser.Init(source); !s.ok()) return s;
  poppler::page_renderer renderer;
  renderer.set_render_hint(poppler::page_renderer::antialiasing, true);
  renderer.set_render_hint(poppler::page_renderer::text_antialiasing, true);
  renderer.set_image_format(poppler::image::format_gray8);
  std::vector<LayoutPage> pages;
  std::vector<double> seconds;
  PageProgress progress(source, doc->pages());
  for (int i = 0; i < doc->pages(); ++i) {
    progress.Page(i);
    auto start = std::chrono::steady_clock::now();
    std::unique_ptr<poppler::page> page(doc->create_page(i));
    pages.emplace_back();
    if (!page) continue;
    poppler::image image = renderer.render_page(page.get(), kDpi, kDpi);
    if (!image.is_valid()) continue;
    pages.back().width = image.width();
    recogniser.api().SetImage(reinterpret_cast<const unsigned char*>(image.const_data()),
                              image.width(), image.height(), 1, image.bytes_per_row());
    recogniser.api().SetSourceResolution(kDpi);
    recogniser.Words(&pages.back());
    seconds.push_back(SecondsSince(start));
  }
  return Finish(source, pages, recogniser, std::move(seconds));
}

Result<OcrText> OcrImage(const std::string& source, std::string_view bytes) {
  setMsgSeverity(L_SEVERITY_NONE);  // Leptonica reports to stderr by itself; the Status says it
  const auto* data = reinterpret_cast<const l_uint8*>(bytes.data());
  std::vector<Pix*> images;
  if (bytes.substr(0, 2) == "II" || bytes.substr(0, 2) == "MM") {  // TIFF: every page
    for (l_int32 n = 0; n < kMaxTiffPages; ++n) {
      Pix* pix = pixReadMemTiff(data, bytes.size(), n);
      if (pix == nullptr) break;  // past the last page
      images.push_back(pix);
    }
  } else if (Pix* pix = pixReadMem(data, bytes.size()); pix != nullptr) {
    images.push_back(pix);
  }
  if (images.empty()) return Status::InvalidInput(source + ": damaged or unsupported image");
  Recogniser recogniser;
  Status init = recogniser.Init(source);
  std::vector<LayoutPage> pages;
  std::vector<double> seconds;
  PageProgress progress(source, static_cast<int>(images.size()));
  for (size_t i = 0; i < images.size(); ++i) {
    if (init.ok()) {
      progress.Page(static_cast<int>(i));
      auto start = std::chrono::steady_clock::now();
      pages.emplace_back();
      pages.back().width = pixGetWidth(images[i]);
      recogniser.api().SetImage(images[i]);
      l_int32 dpi = pixGetXRes(images[i]);
      recogniser.api().SetSourceResolution(dpi > 0 ? dpi : kDpi);
      recogniser.Words(&pages.back());
      seconds.push_back(SecondsSince(start));
    }
    pixDestroy(&images[i]);
  }
  if (!init.ok()) return init;
  return Finish(source, pages, recogniser, std::move(seconds));
}

}  // namespace plangraph
