// Status and Result<T>: the one error style of the plangraph library.
//
// Every fallible library function returns a Status or a Result<T>. Nothing in the library throws
// across its public boundary: exceptions from third-party libraries (nlohmann/json, SQLiteCpp) are
// caught in the file that wraps them and turned into a Status. Only the command-line `main` turns
// a Status into a message and an exit code.
//
// Kinds:
//   kInvalidInput  the input file is not something plangraph can read (binary, bad encoding...)
//   kUnreadable    the file was read, but its text is not usable: a broken font map, a scan
//                  that OCR was not allowed on, a page OCR found nothing on
//   kNotFound      a named file, rule file or document does not exist
//   kBadRule       a rule file under rules/ has a malformed line or pattern
//   kIOError       the operating system refused a read or write
//   kInternal      a broken invariant; a bug in plangraph
//
// Messages are one line and name the place: "corpus/x.txt: invalid UTF-8 at byte 1234".
#ifndef PLANGRAPH_STATUS_H_
#define PLANGRAPH_STATUS_H_

#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace plangraph {

class [[nodiscard]] Status {
 public:
  enum class Kind { kOk, kInvalidInput, kUnreadable, kNotFound, kBadRule, kIOError, kInternal };

  Status() = default;
  static Status Ok() { return Status(); }
  static Status InvalidInput(std::string msg) { return Status(Kind::kInvalidInput, std::move(msg)); }
  static Status Unreadable(std::string msg) { return Status(Kind::kUnreadable, std::move(msg)); }
  static Status NotFound(std::string msg) { return Status(Kind::kNotFound, std::move(msg)); }
  static Status BadRule(std::string msg) { return Status(Kind::kBadRule, std::move(msg)); }
  static Status IOError(std::string msg) { return Status(Kind::kIOError, std::move(msg)); }
  static Status Internal(std::string msg) { return Status(Kind::kInternal, std::move(msg)); }

  bool ok() const { return kind_ == Kind::kOk; }
  Kind kind() const { return kind_; }
  const std::string& message() const { return message_; }

 private:
  Status(Kind kind, std::string msg) : kind_(kind), message_(std::move(msg)) {}
  Kind kind_ = Kind::kOk;
  std::string message_;
};

// A value or the Status that explains why there is none. status() is Ok exactly when ok() is
// true. A Result built from an Ok status has no value to give, which is a bug in the caller: it
// becomes a failure of kind kInternal rather than a failure whose status says ok.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : value_(std::move(value)) {}  // NOLINT: implicit by design
  Result(Status status)  // NOLINT: implicit by design
      : status_(status.ok() ? Status::Internal("Result built from an Ok status without a value")
                            : std::move(status)) {}

  bool ok() const { return value_.has_value(); }
  const Status& status() const { return status_; }
  T& value() & { return *value_; }
  const T& value() const& { return *value_; }
  T&& value() && { return std::move(*value_); }
  T* operator->() { return &*value_; }
  const T* operator->() const { return &*value_; }
  T& operator*() { return *value_; }
  const T& operator*() const { return *value_; }

 private:
  std::optional<T> value_;
  Status status_;  // Ok when value_ holds a value
};

}  // namespace plangraph

#endif  // PLANGRAPH_STATUS_H_
