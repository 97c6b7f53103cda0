#include "scoring.h"

#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <functional>

namespace plangraph {
namespace {

using nlohmann::json;

// ---------------------------------------------------------------------------------------------
// Unicode: Python operates on code points with its own character database; these helpers give
// the same answers through ICU.

std::vector<UChar32> CodePoints(std::string_view utf8) {
  std::vector<UChar32> out;
  const auto* s = reinterpret_cast<const uint8_t*>(utf8.data());
  int32_t len = static_cast<int32_t>(utf8.size());
  for (int32_t i = 0; i < len;) {
    UChar32 c;
    U8_NEXT(s, i, len, c);
    out.push_back(c < 0 ? 0xFFFD : c);
  }
  return out;
}

void AppendUtf8(UChar32 c, std::string* out) {
  char buf[4];
  int32_t n = 0;
  UBool error = false;
  U8_APPEND(reinterpret_cast<uint8_t*>(buf), n, 4, c, error);
  if (!error) out->append(buf, n);
}

icu::UnicodeString ToIcu(std::string_view utf8) {
  return icu::UnicodeString::fromUTF8(
      icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
}

icu::UnicodeString Normalize(const icu::UnicodeString& u, bool compose) {
  UErrorCode err = U_ZERO_ERROR;
  const icu::Normalizer2* n =
      compose ? icu::Normalizer2::getNFCInstance(err) : icu::Normalizer2::getNFDInstance(err);
  if (U_FAILURE(err)) return u;
  icu::UnicodeString out = n->normalize(u, err);
  return U_FAILURE(err) ? u : out;
}

// Python str.isdecimal() for one character (also what `\d` matches in a str pattern).
bool IsPyDecimal(UChar32 c) { return u_charType(c) == U_DECIMAL_DIGIT_NUMBER; }

// Python str.isdigit(): decimal digits plus digits such as '²' or '①'.
bool IsPyDigit(UChar32 c) {
  int type = u_getIntPropertyValue(c, UCHAR_NUMERIC_TYPE);
  return type == U_NT_DECIMAL || type == U_NT_DIGIT;
}

// Python str.isnumeric(): any numeric value (digits, fractions, CJK numerals…).
bool IsPyNumeric(UChar32 c) { return u_getIntPropertyValue(c, UCHAR_NUMERIC_TYPE) != U_NT_NONE; }

bool IsPyAlpha(UChar32 c) {
  switch (u_charType(c)) {
    case U_UPPERCASE_LETTER:
    case U_LOWERCASE_LETTER:
    case U_TITLECASE_LETTER:
    case U_MODIFIER_LETTER:
    case U_OTHER_LETTER:
      return true;
    default:
      return false;
  }
}

// A character of the regex class [^\W\d_]: a word character (isalnum) that is neither a decimal
// digit nor '_' — letters, and numerals like '²' or 'Ⅳ' that are not decimal digits.
bool IsLetterGroupChar(UChar32 c) { return IsPyAlpha(c) || (IsPyNumeric(c) && !IsPyDecimal(c)); }

// Python str.isspace() for one character.
bool IsPySpace(UChar32 c) {
  if (c < 128) return c == ' ' || (c >= '\t' && c <= '\r') || (c >= 0x1C && c <= 0x1F);
  UCharDirection dir = u_charDirection(c);
  return dir == U_WHITE_SPACE_NEUTRAL || dir == U_BLOCK_SEPARATOR || dir == U_SEGMENT_SEPARATOR ||
         u_charType(c) == U_SPACE_SEPARATOR;
}

// Python str.isprintable() for one character (repr() escapes the others).
bool IsPyPrintable(UChar32 c) {
  if (c == ' ') return true;
  switch (u_charType(c)) {
    case U_CONTROL_CHAR:
    case U_FORMAT_CHAR:
    case U_SURROGATE:
    case U_PRIVATE_USE_CHAR:
    case U_UNASSIGNED:
    case U_LINE_SEPARATOR:
    case U_PARAGRAPH_SEPARATOR:
    case U_SPACE_SEPARATOR:
      return false;
    default:
      return true;
  }
}

// ---------------------------------------------------------------------------------------------
// Python str() / repr() of JSON values, because score.py folds str(value) whatever its type.

std::string HexEscape(char kind, UChar32 c, int width) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "\\%c%0*x", kind, width, static_cast<unsigned>(c));
  return buf;
}

// repr() of a str: the quote Python picks, and its escapes (they leave letters such as the 'n'
// of "\n" or the "xa0" of "\xa0" that survive folding).
std::string PyStringRepr(std::string_view utf8) {
  std::vector<UChar32> cps = CodePoints(utf8);
  bool has_single = std::find(cps.begin(), cps.end(), '\'') != cps.end();
  bool has_double = std::find(cps.begin(), cps.end(), '"') != cps.end();
  char quote = has_single && !has_double ? '"' : '\'';
  std::string out(1, quote);
  for (UChar32 c : cps) {
    if (c == quote || c == '\\') {
      out.push_back('\\');
      out.push_back(static_cast<char>(c));
    } else if (c == '\t') {
      out += "\\t";
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c < ' ' || c == 0x7F) {
      out += HexEscape('x', c, 2);
    } else if (c < 0x7F || IsPyPrintable(c)) {
      AppendUtf8(c, &out);
    } else if (c <= 0xFF) {
      out += HexEscape('x', c, 2);
    } else if (c <= 0xFFFF) {
      out += HexEscape('u', c, 4);
    } else {
      out += HexEscape('U', c, 8);
    }
  }
  out.push_back(quote);
  return out;
}

std::string PyRepr(const json& value) {
  return value.is_string() ? PyStringRepr(value.get_ref<const std::string&>()) : PyStr(value);
}

// The sign-aware integer value of a JSON boolean or integer.
__int128 IntegerValue(const json& v) {
  if (v.is_boolean()) return v.get<bool>() ? 1 : 0;
  if (v.is_number_unsigned()) return static_cast<__int128>(v.get<uint64_t>());
  return static_cast<__int128>(v.get<int64_t>());
}

bool IsPyInt(const json& v) { return v.is_boolean() || v.is_number_integer(); }

// Python's exact comparison of an int with a float.
bool IntEqualsFloat(__int128 i, double d) {
  if (!std::isfinite(d) || d != std::trunc(d) || std::fabs(d) >= 0x1p126) return false;
  return static_cast<__int128>(d) == i;
}

// ---------------------------------------------------------------------------------------------
// Python float() of a string: Unicode digits and spaces accepted, '_' between digits, ASCII
// spaces stripped, then a decimal literal, "inf", "infinity" or "nan" (any case, signed).

// _PyUnicode_TransformDecimalAndSpaceToASCII: other non-ASCII characters end the number with
// a '?' that can never parse.
std::string TransformDecimalAndSpace(std::string_view utf8) {
  std::string out;
  for (UChar32 c : CodePoints(utf8)) {
    if (c < 127) {
      out.push_back(static_cast<char>(c));
    } else if (IsPySpace(c)) {
      out.push_back(' ');
    } else if (IsPyDecimal(c)) {
      out.push_back(static_cast<char>('0' + u_charDigitValue(c)));
    } else {
      out.push_back('?');
      break;
    }
  }
  return out;
}

bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }

// Underscores only between digits; returns false where Python raises.
bool RemoveUnderscores(std::string* s) {
  if (s->find('_') == std::string::npos) return true;
  std::string out;
  char prev = '\0';
  for (char c : *s) {
    if (c == '_') {
      if (!IsAsciiDigit(prev)) return false;
    } else {
      if (prev == '_' && !IsAsciiDigit(c)) return false;
      out.push_back(c);
    }
    prev = c;
  }
  if (prev == '_') return false;
  *s = std::move(out);
  return true;
}

bool IsCSpace(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

bool StartsWithNoCase(std::string_view s, size_t at, std::string_view word) {
  if (s.size() - at < word.size()) return false;
  for (size_t i = 0; i < word.size(); ++i) {
    char c = s[at + i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != word[i]) return false;
  }
  return true;
}

std::optional<double> ParseInfOrNan(std::string_view s) {
  size_t i = 0;
  bool negative = false;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) negative = s[i++] == '-';
  double value;
  if (StartsWithNoCase(s, i, "inf")) {
    i += 3;
    if (StartsWithNoCase(s, i, "inity")) i += 5;
    value = HUGE_VAL;
  } else if (StartsWithNoCase(s, i, "nan")) {
    i += 3;
    value = std::nan("");
  } else {
    return std::nullopt;
  }
  if (i != s.size()) return std::nullopt;
  return negative ? -value : value;
}

// A complete decimal literal: [sign] digits [. digits] [e [sign] digits], one digit at least.
bool IsDecimalLiteral(std::string_view s) {
  size_t i = 0;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
  size_t digits = 0;
  while (i < s.size() && IsAsciiDigit(s[i])) ++i, ++digits;
  if (i < s.size() && s[i] == '.') {
    ++i;
    while (i < s.size() && IsAsciiDigit(s[i])) ++i, ++digits;
  }
  if (digits == 0) return false;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
    size_t exponent_digits = 0;
    while (i < s.size() && IsAsciiDigit(s[i])) ++i, ++exponent_digits;
    if (exponent_digits == 0) return false;
  }
  return i == s.size();
}

std::optional<double> PyFloatFromString(std::string_view utf8) {
  std::string s = TransformDecimalAndSpace(utf8);
  if (!RemoveUnderscores(&s)) return std::nullopt;
  size_t begin = 0, end = s.size();
  while (begin < end && IsCSpace(s[begin])) ++begin;
  while (end > begin && IsCSpace(s[end - 1])) --end;
  std::string body = s.substr(begin, end - begin);
  if (body.empty()) return std::nullopt;
  if (IsDecimalLiteral(body)) return std::strtod(body.c_str(), nullptr);  // correctly rounded
  return ParseInfOrNan(body);
}

// ---------------------------------------------------------------------------------------------
// Small accessors with the meaning of dict.get(), `x or []` and iteration in score.py.

const json& NullJson() {
  static const json null_value;
  return null_value;
}

// dict.get(key); a non-object (where Python would raise) reads as an empty object.
const json& Get(const json& object, const char* key) {
  if (!object.is_object()) return NullJson();
  auto it = object.find(key);
  return it == object.end() ? NullJson() : *it;
}

// `for x in (value or [])`: list items, the characters of a string, the keys of an object.
std::vector<json> PyIter(const json& value) {
  std::vector<json> out;
  if (value.is_array()) {
    out.assign(value.begin(), value.end());
  } else if (value.is_string()) {
    for (UChar32 c : CodePoints(value.get_ref<const std::string&>())) {
      std::string one;
      AppendUtf8(c, &one);
      out.emplace_back(one);
    }
  } else if (value.is_object()) {
    for (const auto& item : value.items()) out.emplace_back(item.key());
  }
  return out;
}

std::vector<std::string> Tokens(const json& value) {
  std::vector<std::string> out;
  std::string folded = FoldJson(value);
  size_t start = 0;
  while (start < folded.size()) {
    size_t space = folded.find(' ', start);
    if (space == std::string::npos) space = folded.size();
    out.push_back(folded.substr(start, space - start));
    start = space + 1;
  }
  return out;
}

// score.py contained(): a occurs as a contiguous run inside b (never for an empty a).
bool Contained(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  if (a.empty() || a.size() > b.size()) return false;
  return std::search(b.begin(), b.end(), a.begin(), a.end()) != b.end();
}

using SamePredicate = std::function<bool(const json& predicted, const json& gold)>;

// score.py match(): greedy one-to-one, each gold item takes the first unused prediction.
int GreedyMatch(const std::vector<json>& predicted, const std::vector<json>& gold,
                const SamePredicate& same) {
  std::vector<bool> used(predicted.size(), false);
  int hits = 0;
  for (const json& g : gold) {
    for (size_t i = 0; i < predicted.size(); ++i) {
      if (!used[i] && same(predicted[i], g)) {
        used[i] = true;
        ++hits;
        break;
      }
    }
  }
  return hits;
}

// score.py dedup(): first item of each key, in order. Keys compare with `Equal` (Python `==`).
template <typename Key, typename KeyOf, typename Equal>
std::vector<json> Dedup(const std::vector<json>& items, KeyOf key_of, Equal equal) {
  std::vector<Key> seen;
  std::vector<json> out;
  for (const json& item : items) {
    Key key = key_of(item);
    bool known = std::any_of(seen.begin(), seen.end(), [&](const Key& k) { return equal(k, key); });
    if (known) continue;
    seen.push_back(std::move(key));
    out.push_back(item);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// predicted_fields() pieces.

std::vector<json> PredictedCitations(const json& out) {
  std::vector<json> cits;
  for (const json& c : PyIter(Get(out, "citations"))) {
    if (PyTruthy(Get(c, "symbol"))) cits.push_back(c);
  }
  return Dedup<std::optional<SymbolKeyValue>>(
      cits, [](const json& c) { return SymbolKey(Get(c, "symbol")); }, std::equal_to<>());
}

std::vector<json> PredictedHeadings(const json& out) {
  std::vector<json> heads;
  for (const json& s : PyIter(Get(out, "sections"))) {
    const json& depth = Get(s, "depth");
    if (PyEquals(depth, 1) || PyEquals(depth, 2)) {
      heads.push_back(json{{"label", Get(s, "label")}, {"text", Get(s, "heading")}});
    }
  }
  return heads;
}

// str(int(y)) for a string of decimal digits of any script and length.
std::string DecimalStringToIntString(std::string_view utf8) {
  std::string digits;
  for (UChar32 c : CodePoints(utf8)) {
    char d = static_cast<char>('0' + u_charDigitValue(c));
    if (!digits.empty() || d != '0') digits.push_back(d);
  }
  return digits.empty() ? "0" : digits;
}

// str(int(v)) of a JSON integer or boolean.
std::string IntegerString(const json& v) {
  if (v.is_boolean()) return v.get<bool>() ? "1" : "0";
  return PyStr(v);
}

// A target's horizon year as the deadline score.py adds for it: ints (bools are ints in
// Python) and digit strings count. A string of digits that are not decimal ("²") makes score.py
// raise in int(); it is skipped here.
std::optional<json> TargetYearDeadline(const json& target) {
  const json& y = Get(target, "year");
  std::string text, year;
  if (IsPyInt(y)) {
    text = PyStr(y);
    year = IntegerString(y);
  } else if (y.is_string()) {
    const std::string& s = y.get_ref<const std::string&>();
    std::vector<UChar32> cps = CodePoints(s);
    if (cps.empty() || !std::all_of(cps.begin(), cps.end(), IsPyDigit)) return std::nullopt;
    if (!std::all_of(cps.begin(), cps.end(), IsPyDecimal)) return std::nullopt;
    text = s;
    year = DecimalStringToIntString(s);
  } else {
    return std::nullopt;
  }
  return json{{"text", "năm " + text}, {"start", nullptr}, {"end", year + "-12-31"}};
}

struct DeadlineKey {
  json start, end;
  std::string text;
};

bool SameDeadlineKey(const DeadlineKey& a, const DeadlineKey& b) {
  return PyEquals(a.start, b.start) && PyEquals(a.end, b.end) && a.text == b.text;
}

// ---------------------------------------------------------------------------------------------
// score_one() pieces.

void ScoreIdentity(const json& doc, const json& gold_doc, FieldCounts* t) {
  for (const char* key : {"type", "symbol", "date"}) {
    const json& g = Get(gold_doc, key);
    const json& p = Get(doc, key);
    bool ok = std::string_view(key) == "symbol" ? SymbolKey(p) == SymbolKey(g)
                                                : FoldJson(p) == FoldJson(g);
    bool has_g = PyTruthy(g), has_p = PyTruthy(p);
    if (has_g && has_p) {
      t->hit += ok;
      ++t->predicted;
      ++t->gold;
    } else if (has_g) {
      ++t->gold;
    } else if (has_p) {
      ++t->predicted;
    }
  }
}

std::string ShortfallLine(const std::string& name, const std::string& field, int hit,
                          size_t predicted, size_t gold) {
  return "  " + name + " " + field + ": " + std::to_string(hit) + " matched, " +
         std::to_string(predicted) + " predicted, " + std::to_string(gold) + " gold";
}

void ScoreList(const std::string& field, const std::vector<json>& predicted,
               const std::vector<json>& gold, const SamePredicate& same, Scorecard* card,
               std::vector<std::string>* shortfalls, const std::string& name) {
  int hit = GreedyMatch(predicted, gold, same);
  FieldCounts& t = card->fields[field];
  t.hit += hit;
  t.predicted += static_cast<int>(predicted.size());
  t.gold += static_cast<int>(gold.size());
  if (shortfalls &&
      (hit < static_cast<int>(predicted.size()) || hit < static_cast<int>(gold.size()))) {
    shortfalls->push_back(ShortfallLine(name, field, hit, predicted.size(), gold.size()));
  }
}

bool SameCitation(const json& p, const json& g) {
  return SymbolKey(Get(p, "symbol")) == SymbolKey(Get(g, "symbol"));
}

// Dates of the found citations, where the gold has one: the first prediction with the gold's key.
void ScoreCitationDates(const std::vector<json>& cits, const std::vector<json>& gold_cits,
                        FieldCounts* t) {
  for (const json& g : gold_cits) {
    if (!PyTruthy(Get(g, "date"))) continue;
    ++t->gold;
    auto p =
        std::find_if(cits.begin(), cits.end(), [&](const json& c) { return SameCitation(c, g); });
    if (p != cits.end() && PyTruthy(Get(*p, "date"))) {
      ++t->predicted;
      t->hit += PyEquals(Get(*p, "date"), Get(g, "date"));
    }
  }
}

// Recall over the required names; a prediction that only matches an optional name is neither a
// hit nor an error.
void ScoreAssignees(const std::vector<json>& agencies, const json& gold, Scorecard* card,
                    std::vector<std::string>* shortfalls, const std::string& name) {
  std::vector<json> required = PyIter(Get(gold, "assignees"));
  std::vector<json> optional = PyIter(Get(gold, "assignees_optional"));
  int hit = GreedyMatch(agencies, required, SimilarNames);
  auto matches_any = [](const json& a, const std::vector<json>& names) {
    return std::any_of(names.begin(), names.end(),
                       [&](const json& n) { return SimilarNames(a, n); });
  };
  int extra_ok = 0;
  for (const json& a : agencies) {
    if (!matches_any(a, required) && matches_any(a, optional)) ++extra_ok;
  }
  int predicted = static_cast<int>(agencies.size()) - extra_ok;
  int gold_count = static_cast<int>(required.size());
  FieldCounts& t = card->fields["assignees"];
  t.hit += hit;
  t.predicted += predicted;
  t.gold += gold_count;
  if (shortfalls && (hit < predicted || hit < gold_count)) {
    shortfalls->push_back(ShortfallLine(name, "assignees", hit, predicted, gold_count));
  }
}

// Python's repr() layout of a float from its shortest round-trip digits.
std::string FormatShortest(std::string_view digits, int decpt, bool negative) {
  std::string out = negative ? "-" : "";
  int n = static_cast<int>(digits.size());
  if (decpt <= -4 || decpt > 16) {
    out += digits[0];
    if (n > 1) {
      out += '.';
      out += digits.substr(1);
    }
    int exponent = decpt - 1;
    char buf[16];
    std::snprintf(buf, sizeof buf, "e%c%02d", exponent < 0 ? '-' : '+', std::abs(exponent));
    return out + buf;
  }
  if (decpt <= 0) return out + "0." + std::string(-decpt, '0') + std::string(digits);
  if (decpt >= n) return out + std::string(digits) + std::string(decpt - n, '0') + ".0";
  return out + std::string(digits.substr(0, decpt)) + "." + std::string(digits.substr(decpt));
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// Public API.

double FieldCounts::Precision() const {
  if (predicted) return static_cast<double>(hit) / predicted;
  return gold == 0 ? 1.0 : 0.0;
}

double FieldCounts::Recall() const {
  if (gold) return static_cast<double>(hit) / gold;
  return predicted == 0 ? 1.0 : 0.0;
}

double FieldCounts::F1() const {
  double p = Precision(), r = Recall();
  return p + r != 0 ? 2 * p * r / (p + r) : 0.0;
}

void FieldCounts::Add(const FieldCounts& other) {
  hit += other.hit;
  predicted += other.predicted;
  gold += other.gold;
}

const std::vector<std::string>& ScoreFieldNames() {
  static const std::vector<std::string> names = {
      "document", "citations", "citation_dates", "headings", "targets", "assignees", "deadlines"};
  return names;
}

Scorecard::Scorecard() {
  for (const std::string& f : ScoreFieldNames()) fields[f];
}

void Scorecard::Add(const Scorecard& other) {
  for (const auto& [field, counts] : other.fields) fields[field].Add(counts);
}

double Scorecard::OverallF1() const {
  double sum = 0;
  int n = 0;
  for (const std::string& f : ScoreFieldNames()) {
    if (f == kCitationDatesField) continue;
    auto it = fields.find(f);
    sum += it == fields.end() ? FieldCounts().F1() : it->second.F1();
    ++n;
  }
  return sum / n;
}

std::string ScoreFold(std::string_view utf8) {
  icu::UnicodeString u;
  for (UChar32 c : CodePoints(utf8)) u.append(c == 0x0111 || c == 0x0110 ? UChar32{'d'} : c);
  u = Normalize(u, /*compose=*/false);
  icu::UnicodeString bare;
  for (int32_t i = 0; i < u.length();) {
    UChar32 c = u.char32At(i);
    i += U16_LENGTH(c);
    if (u_charType(c) != U_NON_SPACING_MARK) bare.append(c);
  }
  bare.toLower(icu::Locale::getRoot());
  std::string out;
  bool gap = false;
  for (int32_t i = 0; i < bare.length();) {
    UChar32 c = bare.char32At(i);
    i += U16_LENGTH(c);
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '%') {
      if (gap && !out.empty()) out.push_back(' ');
      gap = false;
      out.push_back(static_cast<char>(c));
    } else {
      gap = true;
    }
  }
  return out;
}

std::string FoldJson(const json& value) {
  if (value.is_null()) return "";
  return ScoreFold(PyStr(value));
}

std::string PyStr(const json& value) {
  switch (value.type()) {
    case json::value_t::null:
      return "None";
    case json::value_t::boolean:
      return value.get<bool>() ? "True" : "False";
    case json::value_t::number_integer:
      return std::to_string(value.get<int64_t>());
    case json::value_t::number_unsigned:
      return std::to_string(value.get<uint64_t>());
    case json::value_t::number_float:
      return PyFloatRepr(value.get<double>());
    case json::value_t::string:
      return value.get<std::string>();
    case json::value_t::array: {
      std::string out = "[";
      for (size_t i = 0; i < value.size(); ++i) out += (i ? ", " : "") + PyRepr(value[i]);
      return out + "]";
    }
    case json::value_t::object: {
      std::string out = "{";
      bool first = true;
      for (const auto& item : value.items()) {
        out += (first ? "" : ", ") + PyStringRepr(item.key()) + ": " + PyRepr(item.value());
        first = false;
      }
      return out + "}";
    }
    default:  // binary and discarded values never come from JSON text
      return "";
  }
}

bool PyTruthy(const json& value) {
  switch (value.type()) {
    case json::value_t::boolean:
      return value.get<bool>();
    case json::value_t::number_integer:
      return value.get<int64_t>() != 0;
    case json::value_t::number_unsigned:
      return value.get<uint64_t>() != 0;
    case json::value_t::number_float:
      return value.get<double>() != 0;
    case json::value_t::string:  // json::empty() is false for every string
      return !value.get_ref<const std::string&>().empty();
    case json::value_t::array:
    case json::value_t::object:
      return !value.empty();
    default:
      return false;
  }
}

bool PyEquals(const json& a, const json& b) {
  bool a_num = a.is_number() || a.is_boolean(), b_num = b.is_number() || b.is_boolean();
  if (a_num || b_num) {
    if (!a_num || !b_num) return false;
    if (a.is_number_float() && b.is_number_float()) return a.get<double>() == b.get<double>();
    if (a.is_number_float()) return IntEqualsFloat(IntegerValue(b), a.get<double>());
    if (b.is_number_float()) return IntEqualsFloat(IntegerValue(a), b.get<double>());
    return IntegerValue(a) == IntegerValue(b);
  }
  if (a.type() != b.type()) return false;
  if (a.is_array()) {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i) {
      if (!PyEquals(a[i], b[i])) return false;
    }
    return true;
  }
  if (a.is_object()) {
    if (a.size() != b.size()) return false;
    for (const auto& item : a.items()) {
      auto it = b.find(item.key());
      if (it == b.end() || !PyEquals(item.value(), *it)) return false;
    }
    return true;
  }
  return a == b;  // null, string
}

std::optional<double> PyFloat(const json& value) {
  if (value.is_boolean()) return value.get<bool>() ? 1.0 : 0.0;
  if (value.is_number_unsigned()) return static_cast<double>(value.get<uint64_t>());
  if (value.is_number_integer()) return static_cast<double>(value.get<int64_t>());
  if (value.is_number_float()) return value.get<double>();
  if (value.is_string()) return PyFloatFromString(value.get_ref<const std::string&>());
  return std::nullopt;
}

std::optional<SymbolKeyValue> SymbolKey(const json& symbol) {
  if (!PyTruthy(symbol)) return std::nullopt;
  icu::UnicodeString u = Normalize(ToIcu(PyStr(symbol)), /*compose=*/true);
  u.toUpper(icu::Locale::getRoot());
  SymbolKeyValue key;
  std::string run;
  enum class Run { kNone, kDigits, kLetters } kind = Run::kNone;
  auto flush = [&] {
    if (kind == Run::kDigits && !key.number) {
      size_t nonzero = run.find_first_not_of('0');
      key.number = nonzero == std::string::npos ? "0" : run.substr(nonzero);
    } else if (kind == Run::kLetters) {
      key.groups.insert(run);
    }
    run.clear();
    kind = Run::kNone;
  };
  for (int32_t i = 0; i < u.length();) {
    UChar32 c = u.char32At(i);
    i += U16_LENGTH(c);
    if (c == ' ') continue;  // str.replace(" ", "") happens before the regexes
    Run k = IsPyDecimal(c) ? Run::kDigits : IsLetterGroupChar(c) ? Run::kLetters : Run::kNone;
    if (k != kind) flush();
    kind = k;
    if (k != Run::kNone) AppendUtf8(c, &run);
  }
  flush();
  return key;
}

std::string NormLabel(const json& label) {
  std::string s = PyTruthy(label) ? PyStr(label) : "";
  std::string kept;
  for (char c : s) {
    if (IsAsciiDigit(c) || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '.') {
      kept.push_back(c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c);
    }
  }
  size_t begin = kept.find_first_not_of('.');
  if (begin == std::string::npos) return "";
  size_t end = kept.find_last_not_of('.');
  return kept.substr(begin, end - begin + 1);
}

bool SimilarNames(const json& a, const json& b) {
  std::vector<std::string> ta = Tokens(a), tb = Tokens(b);
  if (ta.empty() || tb.empty()) return false;
  if (ta == tb) return true;
  const auto& shorter = ta.size() <= tb.size() ? ta : tb;
  const auto& longer = ta.size() <= tb.size() ? tb : ta;
  return shorter.size() >= 2 && Contained(shorter, longer) &&
         static_cast<double>(shorter.size()) / longer.size() >= 0.5;
}

bool SameTarget(const json& p, const json& g) {
  std::optional<double> pv = PyFloat(Get(p, "value")), gv = PyFloat(Get(g, "value"));
  // Written as in score.py so that NaN and infinities compare the way Python lets them.
  if (!pv || !gv || std::fabs(*pv - *gv) > 1e-6 * std::max(1.0, std::fabs(*gv))) return false;
  std::vector<std::string> pu = Tokens(Get(p, "unit")), gu = Tokens(Get(g, "unit"));
  const std::vector<std::string> percent = {"%"};
  if (gu == percent || pu == percent) return gu == pu;
  return !pu.empty() && !gu.empty() && (Contained(gu, pu) || Contained(pu, gu));
}

bool SameDeadline(const json& p, const json& g) {
  if (PyTruthy(Get(g, "start")) || PyTruthy(Get(g, "end"))) {
    if (PyEquals(Get(p, "start"), Get(g, "start")) && PyEquals(Get(p, "end"), Get(g, "end"))) {
      return true;
    }
  }
  std::vector<std::string> pt = Tokens(Get(p, "text")), gt = Tokens(Get(g, "text"));
  return !pt.empty() && !gt.empty() && (pt == gt || Contained(gt, pt) || Contained(pt, gt));
}

bool SameHeading(const json& p, const json& g) {
  if (NormLabel(Get(p, "label")) != NormLabel(Get(g, "label"))) return false;
  std::vector<std::string> pt = Tokens(Get(p, "text")), gt = Tokens(Get(g, "text"));
  if (pt.empty() || gt.empty()) return pt == gt;
  if (pt == gt) return true;
  const auto& shorter = pt.size() <= gt.size() ? pt : gt;
  const auto& longer = pt.size() <= gt.size() ? gt : pt;
  if (std::equal(shorter.begin(), shorter.end(), longer.begin()) &&
      shorter.size() >= std::min<size_t>(6, longer.size())) {
    return true;
  }
  std::set<std::string> ps(pt.begin(), pt.end()), gs(gt.begin(), gt.end());
  size_t common =
      std::count_if(ps.begin(), ps.end(), [&](const std::string& w) { return gs.count(w) > 0; });
  size_t all = ps.size() + gs.size() - common;
  return static_cast<double>(common) / all >= 0.8;
}

PredictedFields ExtractPredictedFields(const json& out) {
  PredictedFields f;
  const json& doc = Get(out, "document");
  if (PyTruthy(doc)) f.document = doc;
  f.citations = PredictedCitations(out);
  f.headings = PredictedHeadings(out);
  f.targets = PyIter(Get(out, "targets"));
  std::vector<json> agencies, deadlines;
  for (const json& t : PyIter(Get(out, "tasks"))) {
    for (const json& a : PyIter(Get(t, "assignees"))) {
      agencies.push_back(a.is_object() ? Get(a, "agency") : a);
    }
    const json& d = Get(t, "deadline");
    if (PyTruthy(d)) deadlines.push_back(d);
  }
  // A target's horizon year is a time limit too: "Đến năm 2025" ends 2025-12-31.
  for (const json& t : f.targets) {
    if (auto d = TargetYearDeadline(t)) deadlines.push_back(*d);
  }
  std::erase_if(agencies, [](const json& a) { return !PyTruthy(a); });
  f.assignees = Dedup<std::string>(agencies, FoldJson, std::equal_to<>());
  f.deadlines = Dedup<DeadlineKey>(
      deadlines,
      [](const json& d) {
        return DeadlineKey{Get(d, "start"), Get(d, "end"), FoldJson(Get(d, "text"))};
      },
      SameDeadlineKey);
  return f;
}

Scorecard ScoreDocument(const json& predicted, const json& gold,
                        std::vector<std::string>* shortfalls, const std::string& name) {
  PredictedFields f = ExtractPredictedFields(predicted);
  Scorecard card;
  const json& gold_doc = Get(gold, "document");
  ScoreIdentity(f.document, PyTruthy(gold_doc) ? gold_doc : json::object(),
                &card.fields["document"]);
  std::vector<json> gold_cits = PyIter(Get(gold, "citations"));
  ScoreList("citations", f.citations, gold_cits, SameCitation, &card, shortfalls, name);
  ScoreCitationDates(f.citations, gold_cits, &card.fields["citation_dates"]);
  ScoreList("headings", f.headings, PyIter(Get(gold, "headings")), SameHeading, &card, shortfalls,
            name);
  ScoreList("targets", f.targets, PyIter(Get(gold, "targets")), SameTarget, &card, shortfalls,
            name);
  ScoreAssignees(f.assignees, gold, &card, shortfalls, name);
  ScoreList("deadlines", f.deadlines, PyIter(Get(gold, "deadlines")), SameDeadline, &card,
            shortfalls, name);
  return card;
}

std::string PyFloatRepr(double value) {
  if (std::isnan(value)) return "nan";
  if (std::isinf(value)) return value < 0 ? "-inf" : "inf";
  if (value == 0) return std::signbit(value) ? "-0.0" : "0.0";
  // Shortest round-trip digits, as Python's repr uses (dtoa mode 0).
  char buf[64];
  auto res = std::to_chars(buf, buf + sizeof buf, std::fabs(value), std::chars_format::scientific);
  std::string_view sci(buf, res.ptr - buf);  // "d.ddde±XX"
  size_t e = sci.find('e');
  std::string digits;
  for (char c : sci.substr(0, e)) {
    if (c != '.') digits.push_back(c);
  }
  int exponent = std::atoi(std::string(sci.substr(e + 1)).c_str());
  return FormatShortest(digits, exponent + 1, value < 0);
}

}  // namespace plangraph
