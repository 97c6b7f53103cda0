// Tests of what styles.xml and numbering.xml give a .docx's paragraphs and runs
// (src/read/docx_styles.h): list labels and run fonts, on XML parts written here.
#include "docx_styles.h"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

namespace plangraph {
namespace {

constexpr char kNs[] = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";

pugi::xml_node Parse(pugi::xml_document& doc, const std::string& xml) {
  EXPECT_TRUE(doc.load_string(xml.c_str())) << xml;
  return doc.document_element();
}

std::string NumPr(int num_id, int ilvl) {
  return "<w:pPr><w:numPr><w:ilvl w:val=\"" + std::to_string(ilvl) + "\"/><w:numId w:val=\"" +
         std::to_string(num_id) + "\"/></w:numPr></w:pPr>";
}

TEST(DocxNumberingTest, LabelsCountOnAndDeeperLevelsStartOver) {
  pugi::xml_document numbering_xml, styles_xml, body_xml;
  Numbering numbering;
  numbering.LoadNumbering(Parse(numbering_xml, std::string("<w:numbering ") + kNs + ">"
      "<w:abstractNum w:abstractNumId=\"0\">"
      "<w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"upperRoman\"/><w:lvlText w:val=\"%1.\"/></w:lvl>"
      "<w:lvl w:ilvl=\"1\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/><w:lvlText w:val=\"%2.\"/></w:lvl>"
      "<w:lvl w:ilvl=\"2\"><w:start w:val=\"1\"/><w:numFmt w:val=\"lowerLetter\"/><w:lvlText w:val=\"%3)\"/></w:lvl>"
      "</w:abstractNum>"
      "<w:abstractNum w:abstractNumId=\"1\"><w:lvl w:ilvl=\"0\"><w:numFmt w:val=\"bullet\"/>"
      "<w:lvlText w:val=\"+\"/></w:lvl></w:abstractNum>"
      "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>"
      "<w:num w:numId=\"2\"><w:abstractNumId w:val=\"1\"/></w:num>"
      "</w:numbering>"));
  // A heading style numbered through its style only.
  numbering.LoadStyles(Parse(styles_xml, std::string("<w:styles ") + kNs + ">"
      "<w:style w:type=\"paragraph\" w:styleId=\"Muc\"><w:pPr><w:numPr><w:ilvl w:val=\"0\"/>"
      "<w:numId w:val=\"1\"/></w:numPr></w:pPr></w:style></w:styles>"));
  const std::vector<std::pair<std::string, std::string>> paragraphs = {
      {NumPr(1, 0), "I. "},  {NumPr(1, 1), "1. "}, {NumPr(1, 2), "a) "}, {NumPr(1, 2), "b) "},
      {NumPr(1, 1), "2. "},  {NumPr(1, 2), "a) "},  // restarts under the next item
      {"<w:pPr><w:pStyle w:val=\"Muc\"/></w:pPr>", "II. "},
      {NumPr(1, 1), "1. "},  {NumPr(2, 0), "+ "},   {"<w:pPr/>", ""},  {NumPr(0, 0), ""},
  };
  std::string body = std::string("<w:body ") + kNs + ">";
  for (const auto& p : paragraphs) body += "<w:p>" + p.first + "</w:p>";
  pugi::xml_node root = Parse(body_xml, body + "</w:body>");
  Wml w(root);
  size_t k = 0;
  for (pugi::xml_node p : root.children()) {
    EXPECT_EQ(numbering.NextLabel(w, w.Child(p, "pPr")), paragraphs[k].second) << k;
    ++k;
  }
}

TEST(DocxRunFontsTest, RunStyleParagraphStyleAndDefaultsInThatOrder) {
  pugi::xml_document styles_xml, body_xml;
  RunFonts fonts;
  fonts.Load(Parse(styles_xml, std::string("<w:styles ") + kNs + ">"
      "<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=\"Times New Roman\" "
      "w:hAnsi=\"Times New Roman\"/></w:rPr></w:rPrDefault></w:docDefaults>"
      "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"/>"
      "<w:style w:type=\"paragraph\" w:styleId=\"TieuDe\"><w:basedOn w:val=\"Normal\"/>"
      "<w:rPr><w:rFonts w:ascii=\".VnTimeH\" w:hAnsi=\".VnTimeH\"/></w:rPr></w:style>"
      "<w:style w:type=\"paragraph\" w:styleId=\"TieuDeCon\"><w:basedOn w:val=\"TieuDe\"/></w:style>"
      "<w:style w:type=\"character\" w:styleId=\"Vni\"><w:rPr><w:rFonts w:ascii=\"VNI-Times\"/>"
      "</w:rPr></w:style></w:styles>"));
  const std::vector<std::pair<std::string, std::string>> paragraphs = {
      {"<w:p><w:r><w:rPr><w:rFonts w:ascii=\".VnTime\"/></w:rPr></w:r></w:p>", ".VnTime"},
      // w:hAnsi draws the letters beyond ASCII: it wins over w:ascii.
      {"<w:p><w:r><w:rPr><w:rFonts w:ascii=\"Arial\" w:hAnsi=\".VnArial\"/></w:rPr></w:r></w:p>",
       ".VnArial"},
      {"<w:p><w:r><w:rPr><w:rStyle w:val=\"Vni\"/></w:rPr></w:r></w:p>", "VNI-Times"},
      {"<w:p><w:pPr><w:pStyle w:val=\"TieuDeCon\"/></w:pPr><w:r/></w:p>", ".VnTimeH"},
      {"<w:p><w:r/></w:p>", "Times New Roman"},
  };
  std::string body = std::string("<w:body ") + kNs + ">";
  for (const auto& p : paragraphs) body += p.first;
  pugi::xml_node root = Parse(body_xml, body + "</w:body>");
  Wml w(root);
  size_t k = 0;
  for (pugi::xml_node p : root.children()) {
    EXPECT_EQ(fonts.Font(w, w.Child(p, "r"), w.Child(p, "pPr")), paragraphs[k].second) << k;
    ++k;
  }
}

}  // namespace
}  // namespace plangraph
