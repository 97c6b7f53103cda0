#include "docx_reader.h"

#include <algorithm>
#include <map>
#include <memory>
#include <optional>
#include <vector>

#include <pugixml.hpp>

#include "docx_archive.h"
#include "docx_styles.h"
#include "legacy_fonts.h"

namespace plangraph {
namespace {

constexpr std::string_view kZipMagic = "PK\x03\x04";
constexpr std::string_view kOle2Magic = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";
constexpr std::string_view kDocumentPart = "word/document.xml";
// Nested tables and content controls deeper than this are hostile, not plans; they are cut off
// so that the recursive walk cannot exhaust the stack.
constexpr int kMaxDepth = 32;

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && s.substr(0, prefix.size()) == prefix;
}

// ---------------------------------------------------------------------------------------------
// Text of one XML part: paragraphs, runs and tables. The archive is read by docx_archive.h;
// list labels and run fonts come from docx_styles.h.

// Note ids in the order the body refers to them: the order Word numbers them in.
struct NoteRefs {
  std::vector<std::string> footnotes, endnotes;
};

void AddOnce(std::vector<std::string>& ids, const std::string& id) {
  if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
}

// Table cell text sits on one markdown row: no line breaks, TABs or pipes inside.
std::string CellSafe(std::string s) {
  for (char& c : s) {
    if (c == '\n' || c == '\t' || c == '\r') c = ' ';
    if (c == '|') c = '/';
  }
  size_t b = s.find_first_not_of(' '), e = s.find_last_not_of(' ');
  return b == std::string::npos ? "" : s.substr(b, e - b + 1);
}

void JoinWithSpace(std::string& out, const std::string& piece) {
  if (piece.empty()) return;
  if (!out.empty()) out += ' ';
  out += piece;
}

// How run text is read. Legacy fonts need two passes over the document: the first shows every
// run to the decoder (which then decides each font's encoding), the second decodes.
struct FontPass {
  const RunFonts* fonts = nullptr;
  LegacyFontDecoder* decoder = nullptr;
  bool decode = false;  // false: the observing pass
};

constexpr std::string_view kSoftHyphen = "\u00AD";
// The first cell of a signature table (recipients on the left, signer on the right).
constexpr std::string_view kSignatureCue = "Nơi nhận";
// Layout tables (header, signature) are small; a larger table is data whatever its place.
constexpr size_t kMaxLayoutRows = 4;

class PartWriter {
 public:
  PartWriter(pugi::xml_node root, Numbering& numbering, NoteRefs* refs, FontPass fonts)
      : w_(root), numbering_(numbering), refs_(refs), fonts_(fonts) {}

  // Block-level content (body, cell, note, content control, text box): one line per paragraph,
  // then the lines of the text boxes anchored in it. With `flat`, a table gives one line per
  // cell instead of markdown rows.
  void Blocks(pugi::xml_node container, std::vector<std::string>& lines, int depth,
              bool flat = false) {
    if (depth > kMaxDepth) return;
    for (pugi::xml_node n : container.children()) {
      if (w_.Is(n, "p")) {
        std::vector<std::string> boxes;
        std::string text = Paragraph(n, boxes, depth);
        if (depth == 0 && text.find_first_not_of(" \t") != std::string::npos) body_text_ = true;
        SplitLines(text, lines);
        lines.insert(lines.end(), boxes.begin(), boxes.end());
      } else if (w_.Is(n, "tbl")) {
        Table(n, lines, depth + 1, flat);
      } else if (w_.Is(n, "sdt")) {
        Blocks(w_.Child(n, "sdtContent"), lines, depth + 1, flat);
      } else if (w_.Is(n, "customXml")) {
        Blocks(n, lines, depth + 1, flat);
      }
    }
  }

  // Block-level content on one line, nested tables flattened: a table cell or a note.
  std::string Flat(pugi::xml_node container, int depth) {
    std::vector<std::string> lines;
    Blocks(container, lines, depth, /*flat=*/true);
    std::string out;
    for (const std::string& line : lines) JoinWithSpace(out, CellSafe(line));
    return out;
  }

 private:
  // Text of consecutive runs in one font, decoded together: Word splits runs anywhere, also
  // between a VNI vowel and the byte that carries its mark.
  struct Pending {
    std::string font;
    std::string text;
  };

  std::string Paragraph(pugi::xml_node p, std::vector<std::string>& boxes, int depth) {
    pugi::xml_node ppr = w_.Child(p, "pPr");
    std::string text = numbering_.NextLabel(w_, ppr);
    Pending pending;
    Inline(p, ppr, text, pending, boxes, depth);
    Flush(pending, text);
    if (fonts_.decoder && !fonts_.decode) fonts_.decoder->EndParagraph();
    return text;
  }

  void Flush(Pending& pending, std::string& out) {
    if (pending.text.empty()) return;
    std::string text = pending.text;
    if (fonts_.decoder && fonts_.decode) {
      text = fonts_.decoder->Decode(pending.font, pending.text);
    } else if (fonts_.decoder) {
      fonts_.decoder->Observe(pending.font, pending.text);
    }
    // What decoding left of soft hyphens is Unicode's invisible one.
    for (size_t at; (at = text.find(kSoftHyphen)) != std::string::npos;) {
      text.erase(at, kSoftHyphen.size());
    }
    out += text;
    pending.text.clear();
  }

  // Runs and the inline wrappers around them (hyperlinks, insertions, fields, smart tags,
  // inline content controls); deleted and moved-away text is not part of the document.
  void Inline(pugi::xml_node parent, pugi::xml_node ppr, std::string& out, Pending& pending,
              std::vector<std::string>& boxes, int depth) {
    if (depth > kMaxDepth) return;
    for (pugi::xml_node n : parent.children()) {
      if (!w_.InNamespace(n)) {  // drawings, math, markup compatibility
        AlternateContent(n, boxes, depth + 1);
        continue;
      }
      std::string_view local = w_.Local(n);
      if (local == "r") {
        Run(n, ppr, out, pending, boxes, depth);
      } else if (local != "pPr" && local != "rPr" && local != "del" && local != "moveFrom" &&
                 local != "sdtPr") {
        Inline(n, ppr, out, pending, boxes, depth + 1);
      }
    }
  }

  void Run(pugi::xml_node r, pugi::xml_node ppr, std::string& out, Pending& pending,
           std::vector<std::string>& boxes, int depth) {
    if (w_.Flag(w_.Child(r, "rPr"), "vanish")) return;  // hidden text
    std::string font = fonts_.fonts ? fonts_.fonts->Font(w_, r, ppr) : "";
    if (font != pending.font) {
      Flush(pending, out);
      pending.font = font;
    }
    std::string& text = pending.text;
    for (pugi::xml_node n : r.children()) {
      if (!w_.InNamespace(n)) {
        AlternateContent(n, boxes, depth + 1);
        continue;
      }
      std::string_view local = w_.Local(n);
      if (local == "t") {
        text += n.child_value();
      } else if (local == "tab" || local == "ptab") {
        text += '\t';
      } else if (local == "br") {
        text += w_.Attr(n, "type") == "page" ? '\n' : ' ';
      } else if (local == "cr") {
        text += ' ';
      } else if (local == "noBreakHyphen") {
        text += '-';
      } else if (local == "softHyphen") {
        // Invisible in Unicode text, but byte 0xAD is "ư" in TCVN3 fonts: LibreOffice turns it
        // into this element when it converts a .doc. Flush() keeps it for legacy runs only.
        text += kSoftHyphen;
      } else if (local == "footnoteReference" && refs_) {
        AddOnce(refs_->footnotes, w_.Attr(n, "id"));
      } else if (local == "endnoteReference" && refs_) {
        AddOnce(refs_->endnotes, w_.Attr(n, "id"));
      } else if (local == "drawing" || local == "pict") {
        TextBoxes(n, boxes, depth + 1);
      }
    }
  }

  // Text boxes (a header's "Số: …" or place and date are often drawn in one): their paragraphs
  // follow the paragraph that anchors them, one per line. Markup compatibility offers the same
  // box twice, as a DrawingML choice and a VML fallback: the first that has text is read.
  void AlternateContent(pugi::xml_node n, std::vector<std::string>& boxes, int depth) {
    constexpr std::string_view kAlternate = "AlternateContent";  // markup compatibility
    std::string_view name = n.name();
    if (name.size() < kAlternate.size() ||
        name.substr(name.size() - kAlternate.size()) != kAlternate) {
      return;
    }
    for (pugi::xml_node branch : n.children()) {
      size_t before = boxes.size();
      TextBoxes(branch, boxes, depth + 1);
      if (boxes.size() > before) return;
    }
  }

  void TextBoxes(pugi::xml_node n, std::vector<std::string>& boxes, int depth) {
    if (depth > kMaxDepth) return;
    for (pugi::xml_node c : n.children()) {
      if (c.type() != pugi::node_element) continue;
      if (w_.Is(c, "txbxContent")) {
        std::vector<std::string> lines;
        Blocks(c, lines, depth + 1, /*flat=*/true);
        for (std::string& line : lines) {
          if (line.find_first_not_of(" \t") != std::string::npos) boxes.push_back(std::move(line));
        }
      } else {
        TextBoxes(c, boxes, depth + 1);
      }
    }
  }

  void Table(pugi::xml_node tbl, std::vector<std::string>& lines, int depth, bool flat) {
    std::vector<pugi::xml_node> rows;
    Collect(tbl, "tr", rows, depth);
    if (flat) {
      for (pugi::xml_node tr : rows) {
        for (std::string& cell : Cells(tr, depth)) lines.push_back(std::move(cell));
      }
      return;
    }
    lines.emplace_back();
    if (IsLayoutTable(rows, depth)) {
      // A header or signature laid out in a table: each cell's paragraphs on lines of their
      // own, as they read on the page, so that "Số: 518/QĐ-UBND" and the place and date beside
      // it stay apart.
      for (pugi::xml_node tr : rows) {
        std::vector<pugi::xml_node> tcs;
        Collect(tr, "tc", tcs, depth);
        for (pugi::xml_node tc : tcs) {
          std::vector<std::string> cell;
          Blocks(tc, cell, depth + 1, /*flat=*/true);
          for (std::string& line : cell) {
            if (line.find_first_not_of(" \t") != std::string::npos) lines.push_back(std::move(line));
          }
        }
      }
    } else {
      for (pugi::xml_node tr : rows) {
        std::string row = "|";
        for (const std::string& cell : Cells(tr, depth)) row += " " + cell + " |";
        lines.push_back(row);
      }
    }
    lines.emplace_back();
  }

  // A small body-level table before any text of the body (the header: issuer and number on the
  // left, national motto, place and date on the right) or one opening with the recipients of
  // a signature block.
  // The w:t text under `n`, at most about 64 bytes: enough to recognise a cue.
  void PlainText(pugi::xml_node n, std::string& out, int depth) const {
    if (depth > kMaxDepth) return;
    for (pugi::xml_node c : n.children()) {
      if (out.size() > 64) return;
      if (w_.Is(c, "t")) {
        out += c.child_value();
      } else if (c.type() == pugi::node_element) {
        PlainText(c, out, depth + 1);
      }
    }
  }

  bool IsLayoutTable(const std::vector<pugi::xml_node>& rows, int depth) {
    if (depth != 1 || rows.empty() || rows.size() > kMaxLayoutRows) return false;
    if (!body_text_) return true;
    std::vector<pugi::xml_node> tcs;
    Collect(rows.front(), "tc", tcs, depth);
    if (tcs.empty()) return false;
    // Counters and legacy-font state must not move: read the text without numbering labels.
    std::string first;
    PlainText(tcs.front(), first, depth);
    size_t b = first.find_first_not_of(" \t");
    return b != std::string::npos && first.compare(b, kSignatureCue.size(), kSignatureCue) == 0;
  }

  std::vector<std::string> Cells(pugi::xml_node tr, int depth) {
    std::vector<pugi::xml_node> tcs;
    Collect(tr, "tc", tcs, depth);
    std::vector<std::string> cells;
    for (pugi::xml_node tc : tcs) {
      cells.push_back(Flat(tc, depth + 1));
      int span = ToInt(w_.ChildVal(w_.Child(tc, "tcPr"), "gridSpan")).value_or(1);
      for (int i = 1; i < std::min(span, 64); ++i) cells.emplace_back();
    }
    return cells;
  }

  // Children named `local`, also when wrapped in content controls or custom XML.
  void Collect(pugi::xml_node parent, std::string_view local, std::vector<pugi::xml_node>& out,
               int depth) {
    if (depth > kMaxDepth) return;
    for (pugi::xml_node n : parent.children()) {
      if (w_.Is(n, local)) {
        out.push_back(n);
      } else if (w_.Is(n, "sdt")) {
        Collect(w_.Child(n, "sdtContent"), local, out, depth + 1);
      } else if (w_.Is(n, "customXml")) {
        Collect(n, local, out, depth + 1);
      }
    }
  }

  static void SplitLines(const std::string& text, std::vector<std::string>& lines) {
    size_t start = 0;
    while (true) {
      size_t nl = text.find('\n', start);
      lines.push_back(text.substr(start, nl == std::string::npos ? nl : nl - start));
      if (nl == std::string::npos) break;
      start = nl + 1;
    }
  }

  Wml w_;
  Numbering& numbering_;
  NoteRefs* refs_;
  FontPass fonts_;
  bool body_text_ = false;  // a paragraph with text has been seen at the top level
};

// ---------------------------------------------------------------------------------------------
// Parts.

using XmlDoc = std::unique_ptr<pugi::xml_document>;

Result<XmlDoc> ParseXml(const std::string& source, std::string_view part, const std::string& xml) {
  auto doc = std::make_unique<pugi::xml_document>();
  // parse_ws_pcdata keeps <w:t xml:space="preserve"> </w:t>: a space between two runs.
  pugi::xml_parse_result parsed =
      doc->load_buffer(xml.data(), xml.size(), pugi::parse_default | pugi::parse_ws_pcdata);
  if (!parsed) {
    return Status::InvalidInput(source + ": damaged " + std::string(part) + ": " +
                                parsed.description() + " at byte " +
                                std::to_string(parsed.offset));
  }
  return doc;
}

// An optional part, parsed; a null document when the archive has none.
Result<XmlDoc> ReadPart(const std::string& source, DocxArchive& archive, std::string_view part) {
  Result<std::optional<std::string>> bytes = archive.Read(part);
  if (!bytes.ok()) return bytes.status();
  if (!bytes->has_value()) return XmlDoc();
  return ParseXml(source, part, **bytes);
}

// "[N] text" lines for the notes of one kind, numbered from `first` in body reference order;
// notes the body never refers to follow in file order. Separator notes (any type but normal)
// are skipped.
std::vector<std::string> NoteLines(pugi::xml_node root, std::string_view element,
                                   const std::vector<std::string>& referenced, size_t first,
                                   Numbering& numbering, FontPass fonts) {
  Wml w(root);
  std::map<std::string, pugi::xml_node> notes;
  std::vector<std::string> order = referenced;
  for (pugi::xml_node n : root.children()) {
    if (!w.Is(n, element)) continue;
    std::string type = w.Attr(n, "type");
    if (!type.empty() && type != "normal") continue;
    std::string id = w.Attr(n, "id");
    notes[id] = n;
    AddOnce(order, id);
  }
  std::vector<std::string> lines;
  PartWriter writer(root, numbering, nullptr, fonts);
  for (const std::string& id : order) {
    auto note = notes.find(id);
    if (note == notes.end()) continue;
    std::string line = "[" + std::to_string(first + lines.size()) + "]";
    JoinWithSpace(line, writer.Flat(note->second, 0));
    lines.push_back(line);
  }
  return lines;
}

// The parts of a .docx the text comes from, parsed once.
struct Parts {
  XmlDoc document, footnotes, endnotes;
  Numbering numbering;
  RunFonts fonts;
};

Result<Parts> ReadParts(const std::string& source, DocxArchive& archive) {
  Parts parts;
  Result<XmlDoc> document = ReadPart(source, archive, kDocumentPart);
  if (!document.ok()) return document.status();
  if (!*document) {
    return Status::InvalidInput(source + ": not a Word document (no word/document.xml)");
  }
  parts.document = std::move(*document);
  // Styles and numbering definitions, both optional parts.
  Result<XmlDoc> styles = ReadPart(source, archive, "word/styles.xml");
  if (!styles.ok()) return styles.status();
  if (*styles) {
    parts.numbering.LoadStyles((*styles)->document_element());
    parts.fonts.Load((*styles)->document_element());
  }
  Result<XmlDoc> lists = ReadPart(source, archive, "word/numbering.xml");
  if (!lists.ok()) return lists.status();
  if (*lists) parts.numbering.LoadNumbering((*lists)->document_element());
  Result<XmlDoc> footnotes = ReadPart(source, archive, "word/footnotes.xml");
  if (!footnotes.ok()) return footnotes.status();
  parts.footnotes = std::move(*footnotes);
  Result<XmlDoc> endnotes = ReadPart(source, archive, "word/endnotes.xml");
  if (!endnotes.ok()) return endnotes.status();
  parts.endnotes = std::move(*endnotes);
  return parts;
}

// The document's lines: the body, then its notes. Numbering counters start afresh each time.
std::vector<std::string> Render(const Parts& parts, FontPass fonts) {
  Numbering numbering = parts.numbering;
  pugi::xml_node root = parts.document->document_element();
  NoteRefs refs;
  std::vector<std::string> lines;
  PartWriter body(root, numbering, &refs, fonts);
  body.Blocks(Wml(root).Child(root, "body"), lines, 0);
  std::vector<std::string> notes;
  // Endnotes continue the footnotes' numbers, so every "[N]" names one note.
  if (parts.footnotes) {
    notes = NoteLines(parts.footnotes->document_element(), "footnote", refs.footnotes, 1,
                      numbering, fonts);
  }
  if (parts.endnotes) {
    for (std::string& line : NoteLines(parts.endnotes->document_element(), "endnote",
                                       refs.endnotes, notes.size() + 1, numbering, fonts)) {
      notes.push_back(std::move(line));
    }
  }
  if (!notes.empty()) {
    lines.emplace_back();
    lines.insert(lines.end(), notes.begin(), notes.end());
  }
  return lines;
}

std::string JoinLines(const std::vector<std::string>& lines) {
  std::string out;
  for (const std::string& line : lines) out += line + "\n";
  return out;
}

}  // namespace

bool LooksLikeDocx(std::string_view bytes) {
  // The member name sits uncompressed in its local header, so a damaged archive still shows it.
  return StartsWith(bytes, kZipMagic) && bytes.find(kDocumentPart) != std::string_view::npos;
}

Result<DocxText> ReadDocx(const std::string& source, std::string_view bytes,
                          const DocxOptions& options) {
  // Password-protected .docx files are OLE2 containers (EncryptedPackage), as are .doc files.
  if (StartsWith(bytes, kOle2Magic)) return DocxArchive::Encrypted(source);
  if (!StartsWith(bytes, "PK")) {
    return Status::InvalidInput(source + ": not a Word document (not a zip archive)");
  }
  Result<DocxArchive> archive = DocxArchive::Open(source, bytes, options);
  if (!archive.ok()) return archive.status();
  Result<Parts> parts = ReadParts(source, *archive);
  if (!parts.ok()) return parts.status();

  LegacyFontDecoder decoder;
  std::vector<std::string> lines = Render(*parts, {&parts->fonts, &decoder, /*decode=*/false});
  if (options.legacy_charset != LegacyCharset::kNone) {
    decoder.Force(options.legacy_charset);
  } else {
    decoder.Decide();
  }
  DocxText out;
  if (decoder.HasLegacyFonts()) lines = Render(*parts, {&parts->fonts, &decoder, /*decode=*/true});
  out.text = JoinLines(lines);
  out.legacy_fonts = decoder.Note();
  return out;
}

Result<std::string> DocxToText(const std::string& source, std::string_view bytes,
                               const DocxOptions& options) {
  Result<DocxText> docx = ReadDocx(source, bytes, options);
  if (!docx.ok()) return docx.status();
  return std::move(docx->text);
}

}  // namespace plangraph
