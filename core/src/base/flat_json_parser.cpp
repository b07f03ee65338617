// FlatJson's reader: JSON text to the flat array of nodes, refusing and locating errors as nlohmann does.
#include "base/flat_json.h"

#include <algorithm>
#include <climits>
#include <cmath>
#include <cstdlib>
#include <unordered_set>

namespace unitwise {

// A strict JSON reader (RFC 8259, UTF-8 checked) that builds the nodes as it goes; each value's node is appended
// in text order, so an array's or object's descendants follow it and `end` skips them. It reads exactly as
// nlohmann's lexer and parser do (the same texts refused, the same numbers, the same byte named when a text is
// refused: tests/core/flat_json_test.cpp compares the two on mutated texts), without a virtual call per value
// and without nlohmann's parser and its error texts in the wasm module. Iterative: deep nesting cannot
// exhaust the stack.
class FlatParser {
 public:
  FlatParser(FlatJson& out, std::string_view text) : out_(out), p_(text.data()), n_(text.size()) {
    // Never outgrown (unescaped strings and the floats' digits are no longer than their JSON), so views stay.
    out_.text_.reserve(text.size());
    out_.nodes_.reserve(text.size() / 8 + 4);
  }

  void run() {
    if (!skip_bom()) return;
    Token t = scan();
    for (;;) {  // t is the first token of a value
      switch (t) {
        case Token::BeginObject:
          open(FlatJson::Kind::Object);
          t = scan();
          if (t == Token::EndObject) {
            close();
            break;
          }
          if (!member_key(t)) return;
          t = scan();
          continue;
        case Token::BeginArray:
          open(FlatJson::Kind::Array);
          t = scan();
          if (t == Token::EndArray) {
            close();
            break;
          }
          continue;
        case Token::String: add(FlatJson::Kind::String, string_at_, string_length_); break;
        case Token::True: add(FlatJson::Kind::Boolean).boolean = true; break;
        case Token::False: add(FlatJson::Kind::Boolean); break;
        case Token::Null: add(FlatJson::Kind::Null); break;
        case Token::Number:
          if (!number()) return;
          break;
        default: return fail(t);
      }
      // After a value: the next one in its array or object, or the end of what holds it.
      for (;;) {
        t = scan();
        if (open_.empty()) {
          if (t != Token::End) {
            fail(t);
          } else if (end_at_ < n_) {  // a NUL byte, and perhaps more, after the document
            out_.failed = true;
            out_.trailing_nul = true;
            out_.error_position = end_at_ + 1;
          }
          return;
        }
        const bool in_object = out_.nodes_[open_.back()].kind == FlatJson::Kind::Object;
        if (t == (in_object ? Token::EndObject : Token::EndArray)) {
          close();
          continue;
        }
        if (t != Token::ValueSeparator) return fail(t);
        t = scan();
        if (in_object) {
          if (!member_key(t)) return;
          t = scan();
        }
        break;
      }
    }
  }

 private:
  enum class Token {
    BeginObject,
    EndObject,
    BeginArray,
    EndArray,
    NameSeparator,
    ValueSeparator,
    String,
    True,
    False,
    Null,
    Number,
    End,
    Error
  };

  // nlohmann counts the bytes it has read, the end of the text counting as one: the byte at `at` stopped it.
  Token error_at(std::size_t at) {
    out_.failed = true;
    out_.error_position = at + 1;
    return Token::Error;
  }
  // A token where none of its kind may be: the parser names the byte after it (the end counting as one byte).
  void fail(Token t) {
    if (t == Token::Error) return;  // the lexer has named its byte
    out_.failed = true;
    out_.error_position = t == Token::End ? end_at_ + 1 : token_end_;
  }
  unsigned char byte(std::size_t i) const { return static_cast<unsigned char>(p_[i]); }
  bool digit(std::size_t i) const { return i < n_ && p_[i] >= '0' && p_[i] <= '9'; }

  // A UTF-8 byte order mark is skipped; a partial one is refused.
  bool skip_bom() {
    if (n_ == 0 || byte(0) != 0xEF) return true;
    if (n_ < 2 || byte(1) != 0xBB) return error_at(1) == Token::End;
    if (n_ < 3 || byte(2) != 0xBF) return error_at(2) == Token::End;
    i_ = 3;
    return true;
  }

  Token scan() {
    while (i_ < n_ && (p_[i_] == ' ' || p_[i_] == '\t' || p_[i_] == '\n' || p_[i_] == '\r')) ++i_;
    // A NUL byte outside a string ends the text for the scanner, as in nlohmann; run() then refuses anything
    // after the document, the NUL included (issue 27: "{visit}\0{...}" was accepted).
    if (i_ == n_ || p_[i_] == '\0') {
      end_at_ = i_;
      return Token::End;
    }
    const char c = p_[i_];
    switch (c) {
      case '{': return single(Token::BeginObject);
      case '}': return single(Token::EndObject);
      case '[': return single(Token::BeginArray);
      case ']': return single(Token::EndArray);
      case ':': return single(Token::NameSeparator);
      case ',': return single(Token::ValueSeparator);
      case '"': return string();
      case 't': return literal("true", Token::True);
      case 'f': return literal("false", Token::False);
      case 'n': return literal("null", Token::Null);
      default:
        if (c == '-' || (c >= '0' && c <= '9')) return number_token();
        return error_at(i_);  // no JSON token starts so
    }
  }
  Token single(Token t) {
    token_end_ = ++i_;
    return t;
  }
  Token literal(const char* word, Token t) {
    std::size_t k = 1;
    for (; word[k] != '\0'; ++k) {
      if (i_ + k >= n_) return error_at(n_);
      if (p_[i_ + k] != word[k]) return error_at(i_ + k);
    }
    token_end_ = i_ += k;
    return t;
  }

  // The four hex digits from j as a code point, or -1 with the byte that is not one named.
  long hex4(std::size_t j) {
    long v = 0;
    for (std::size_t k = j; k < j + 4; ++k) {
      const char c = k < n_ ? p_[k] : '\0';
      const int d = c >= '0' && c <= '9'   ? c - '0'
                    : c >= 'a' && c <= 'f' ? c - 'a' + 10
                    : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                           : -1;
      if (d < 0) {
        error_at(std::min(k, n_));
        return -1;
      }
      v = v * 16 + d;
    }
    return v;
  }
  void put_utf8(long cp) {
    std::string& t = out_.text_;
    if (cp < 0x80) {
      t += static_cast<char>(cp);
    } else if (cp < 0x800) {
      t += static_cast<char>(0xC0 | (cp >> 6));
      t += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
      t += static_cast<char>(0xE0 | (cp >> 12));
      t += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      t += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
      t += static_cast<char>(0xF0 | (cp >> 18));
      t += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
      t += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      t += static_cast<char>(0x80 | (cp & 0x3F));
    }
  }

  // An escape after the backslash at j: its text appended, j left on its last byte.
  bool escape(std::size_t& j) {
    std::string& t = out_.text_;
    if (++j >= n_) return error_at(n_), false;
    switch (p_[j]) {
      case '"': t += '"'; return true;
      case '\\': t += '\\'; return true;
      case '/': t += '/'; return true;
      case 'b': t += '\b'; return true;
      case 'f': t += '\f'; return true;
      case 'n': t += '\n'; return true;
      case 'r': t += '\r'; return true;
      case 't': t += '\t'; return true;
      case 'u': break;
      default: return error_at(j), false;
    }
    long cp = hex4(j + 1);
    if (cp < 0) return false;
    j += 4;
    if (cp >= 0xD800 && cp <= 0xDBFF) {  // a high surrogate: \uDC00..\uDFFF must follow
      if (j + 1 >= n_ || p_[j + 1] != '\\') return error_at(std::min(j + 1, n_)), false;
      if (j + 2 >= n_ || p_[j + 2] != 'u') return error_at(std::min(j + 2, n_)), false;
      const long low = hex4(j + 3);
      if (low < 0) return false;
      j += 6;
      if (low < 0xDC00 || low > 0xDFFF) return error_at(j), false;
      cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
    } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
      return error_at(j), false;  // a low surrogate alone
    }
    put_utf8(cp);
    return true;
  }

  // A string's text, unescaped, appended to the text buffer (string_at_, string_length_). UTF-8 is checked as
  // RFC 3629 §4 allows it: no overlong forms, no surrogates, nothing past U+10FFFF.
  Token string() {
    std::string& t = out_.text_;
    string_at_ = static_cast<std::uint32_t>(t.size());
    std::size_t j = i_ + 1;
    for (;;) {
      const std::size_t run = j;  // plain ASCII is copied as one run
      while (j < n_ && byte(j) >= 0x20 && byte(j) < 0x80 && p_[j] != '"' && p_[j] != '\\') ++j;
      t.append(p_ + run, j - run);
      if (j >= n_) return error_at(n_);
      const unsigned char c = byte(j);
      if (c == '"') break;
      if (c < 0x20) return error_at(j);  // control characters must be escaped
      if (c == '\\') {
        if (!escape(j)) return Token::Error;
        ++j;
        continue;
      }
      // A multi-byte character: the range of its second byte depends on the first.
      unsigned char low = 0x80, high = 0xBF;
      std::size_t more = 0;
      if (c >= 0xC2 && c <= 0xDF) more = 1;
      else if (c == 0xE0) more = 2, low = 0xA0;
      else if (c == 0xED) more = 2, high = 0x9F;
      else if (c >= 0xE1 && c <= 0xEF) more = 2;
      else if (c == 0xF0) more = 3, low = 0x90;
      else if (c >= 0xF1 && c <= 0xF3) more = 3;
      else if (c == 0xF4) more = 3, high = 0x8F;
      else return error_at(j);
      for (std::size_t k = 1; k <= more; ++k) {
        if (j + k >= n_) return error_at(n_);
        const unsigned char b = byte(j + k);
        if (b < (k == 1 ? low : 0x80) || b > (k == 1 ? high : 0xBF)) return error_at(j + k);
      }
      t.append(p_ + j, more + 1);
      j += more + 1;
    }
    string_length_ = static_cast<std::uint32_t>(t.size() - string_at_);
    token_end_ = i_ = j + 1;
    return Token::String;
  }

  // -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?, and its kind as nlohmann gives it.
  Token number_token() {
    std::size_t j = i_;
    number_kind_ = FlatJson::Kind::Unsigned;
    auto digits = [&] {
      while (digit(j)) ++j;
    };
    if (p_[j] == '-') {
      number_kind_ = FlatJson::Kind::Integer;
      if (!digit(++j)) return error_at(std::min(j, n_));
    }
    if (p_[j++] != '0') digits();
    if (j < n_ && p_[j] == '.') {
      number_kind_ = FlatJson::Kind::Float;
      if (!digit(++j)) return error_at(std::min(j, n_));
      digits();
    }
    if (j < n_ && (p_[j] == 'e' || p_[j] == 'E')) {
      number_kind_ = FlatJson::Kind::Float;
      ++j;
      if (j < n_ && (p_[j] == '+' || p_[j] == '-')) ++j;
      if (!digit(j)) return error_at(std::min(j, n_));
      digits();
    }
    number_at_ = i_;
    token_end_ = i_ = j;
    return Token::Number;
  }

  // The number token as a value: an integer that fits 64 bits (unsigned when not negative, as nlohmann keeps it),
  // else a double from strtod, as nlohmann reads one; a double too large to hold is refused after the token.
  bool number() {
    const char* first = p_ + number_at_;
    const char* last = p_ + token_end_;
    if (number_kind_ != FlatJson::Kind::Float) {
      const bool negative = *first == '-';
      std::uint64_t v = 0;
      bool fits = true;
      for (const char* c = first + (negative ? 1 : 0); c < last && fits; ++c) {
        const auto d = static_cast<std::uint64_t>(*c - '0');
        fits = v <= (UINT64_MAX - d) / 10;
        v = v * 10 + d;
      }
      constexpr std::uint64_t kMostNegative = std::uint64_t{1} << 63;  // -INT64_MIN
      if (fits && !negative) {
        add(FlatJson::Kind::Unsigned).unsigned_integer = v;
        return true;
      }
      if (fits && v <= kMostNegative) {
        add(FlatJson::Kind::Integer).integer = v == kMostNegative ? INT64_MIN : -static_cast<std::int64_t>(v);
        return true;
      }
    }
    const std::string token(first, last);
    const double d = std::strtod(token.c_str(), nullptr);
    if (!std::isfinite(d)) {
      out_.failed = true;
      out_.error_position = token_end_;
      out_.number_path = pointer(true);
      return false;
    }
    // Its text is kept too: written back as it came (JsonRef::write), it reads as the same double.
    const auto at = static_cast<std::uint32_t>(out_.text_.size());
    out_.text_.append(first, last);
    add(FlatJson::Kind::Float, at, static_cast<std::uint32_t>(last - first)).floating = d;
    return true;
  }

  // A member's key (t must be a string) and its colon; the key is checked against the object's others.
  bool member_key(Token t) {
    if (t != Token::String) return fail(t), false;
    key_at_ = string_at_;
    key_length_ = string_length_;
    if (!first_time() && out_.duplicate.empty()) {
      out_.duplicate = std::string(out_.view(key_at_, key_length_));
      out_.duplicate_at_top = open_objects_.size() == 1;
      out_.duplicate_path = pointer(true);
    }
    const Token colon = scan();
    if (colon != Token::NameSeparator) return fail(colon), false;
    return true;
  }

  // The JSON pointer of the open containers (RFC 6901), and with `member` of the value about to come: its key in
  // an object, its index in an array. Built only when an error needs it.
  std::string pointer(bool member) const {
    std::string out;
    auto segment = [&](std::string_view text) {
      out += '/';
      for (char c : text) out += c == '~' ? std::string("~0") : c == '/' ? std::string("~1") : std::string(1, c);
    };
    for (std::size_t k = 1; k < open_.size(); ++k) {
      const FlatJson::Node& parent = out_.nodes_[open_[k - 1]];
      const FlatJson::Node& node = out_.nodes_[open_[k]];
      if (parent.kind == FlatJson::Kind::Object) segment(out_.view(node.key_at, node.key_length));
      else segment(std::to_string(parent.size - 1));
    }
    if (member && !open_.empty()) {
      const FlatJson::Node& parent = out_.nodes_[open_.back()];
      if (parent.kind == FlatJson::Kind::Object) segment(out_.view(key_at_, key_length_));
      else segment(std::to_string(parent.size));
    }
    return out;
  }

  FlatJson::Node& add(FlatJson::Kind kind, std::uint32_t text_at = 0, std::uint32_t text_length = 0) {
    FlatJson::Node n;
    n.kind = kind;
    n.text_at = text_at;
    n.text_length = text_length;
    n.end = static_cast<std::uint32_t>(out_.nodes_.size() + 1);
    if (!open_.empty()) {
      FlatJson::Node& parent = out_.nodes_[open_.back()];
      ++parent.size;
      if (parent.kind == FlatJson::Kind::Object) {
        n.key_at = key_at_;
        n.key_length = key_length_;
      }
    }
    out_.nodes_.push_back(n);
    return out_.nodes_.back();
  }
  void open(FlatJson::Kind kind) {
    add(kind);
    open_.push_back(static_cast<std::uint32_t>(out_.nodes_.size() - 1));
    out_.depth = std::max(out_.depth, open_.size());
    if (kind == FlatJson::Kind::Object) open_objects_.push_back({keys_.size(), {}});
  }
  void close() {
    if (out_.nodes_[open_.back()].kind == FlatJson::Kind::Object) {
      keys_.resize(open_objects_.back().first_key);
      open_objects_.pop_back();
    }
    out_.nodes_[open_.back()].end = static_cast<std::uint32_t>(out_.nodes_.size());
    open_.pop_back();
  }

  // Whether the innermost open object has not had the key just read. Objects of a visit have a handful of keys,
  // kept as views into the text and scanned; an object past kScanned keys gets a hash set, so the check stays
  // linear in the number of keys whatever the input.
  static constexpr std::size_t kScanned = 32;
  bool first_time() {
    const std::string_view k = out_.view(key_at_, key_length_);
    OpenObject& o = open_objects_.back();
    if (!o.many.empty()) return o.many.insert(k).second;
    const auto first = keys_.begin() + static_cast<std::ptrdiff_t>(o.first_key);
    if (std::find_if(first, keys_.end(), [&](const auto& at) { return out_.view(at.first, at.second) == k; }) !=
        keys_.end()) {
      return false;
    }
    keys_.emplace_back(key_at_, key_length_);
    if (keys_.size() - o.first_key > kScanned) {
      for (auto it = keys_.begin() + static_cast<std::ptrdiff_t>(o.first_key); it != keys_.end(); ++it) {
        o.many.insert(out_.view(it->first, it->second));
      }
      keys_.resize(o.first_key);
    }
    return true;
  }

  struct OpenObject {
    std::size_t first_key = 0;                  // where its keys start in keys_
    std::unordered_set<std::string_view> many;  // its keys instead, once it has more than kScanned
  };
  FlatJson& out_;
  const char* p_;
  std::size_t n_;
  std::size_t i_ = 0;                                // the next byte to read
  std::size_t token_end_ = 0;                        // one past the last token's last byte
  std::size_t end_at_ = 0;                           // where the text ended: its length, or a NUL byte
  std::uint32_t string_at_ = 0, string_length_ = 0;  // the last string token's text in text_
  std::size_t number_at_ = 0;                        // the last number token's first byte
  FlatJson::Kind number_kind_ = FlatJson::Kind::Unsigned;
  std::vector<std::uint32_t> open_;                            // open arrays and objects, innermost last
  std::vector<OpenObject> open_objects_;                       // innermost last
  std::vector<std::pair<std::uint32_t, std::uint32_t>> keys_;  // the open objects' keys (text_ at, length)
  std::uint32_t key_at_ = 0, key_length_ = 0;                  // the key of the value about to come
};

FlatJson FlatJson::parse(std::string_view text) {
  FlatJson out;
  FlatParser(out, text).run();
  if (out.failed) {  // what was read before the failure is no document: a failed parse has a null root
    out.nodes_.assign(1, Node{});
    out.text_.clear();
  }
  return out;
}

}  // namespace unitwise
