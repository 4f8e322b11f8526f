// Errors as values. Everything that input can cause (a file that cannot be read, bytes that are
// not UTF-8, a rule file with a bad line) is reported through Status or Result<T>; exceptions are
// kept for programmer errors.
//
//   vnextract::Result<vnextract::Rules> rules = vnextract::Rules::FromDirectory("my-rules");
//   if (!rules.ok()) { std::cerr << rules.status().message() << "\n"; return 2; }
#ifndef VNEXTRACT_STATUS_H_
#define VNEXTRACT_STATUS_H_

#include <optional>
#include <stdexcept>
#include <string>
#include <utility>

namespace vnextract {

class Status {
 public:
  enum class Code { kOk, kInvalidInput, kNotFound, kIoError, kInvalidRules };

  // An ok status.
  Status() = default;
  static Status Ok() { return Status(); }
  static Status InvalidInput(std::string msg) { return Status(Code::kInvalidInput, std::move(msg)); }
  static Status NotFound(std::string msg) { return Status(Code::kNotFound, std::move(msg)); }
  static Status IoError(std::string msg) { return Status(Code::kIoError, std::move(msg)); }
  static Status InvalidRules(std::string msg) { return Status(Code::kInvalidRules, std::move(msg)); }

  bool ok() const { return code_ == Code::kOk; }
  Code code() const { return code_; }
  // One line, lower case, no trailing period: "invalid UTF-8 at byte 1234".
  const std::string& message() const { return message_; }

 private:
  Status(Code code, std::string msg) : code_(code), message_(std::move(msg)) {}
  Code code_ = Code::kOk;
  std::string message_;
};

// A value or the Status that explains why there is none.
template <typename T>
class Result {
 public:
  Result(T value) : value_(std::move(value)) {}  // NOLINT: implicit by design
  Result(Status status) : status_(std::move(status)) {  // NOLINT: implicit by design
    if (status_.ok()) throw std::logic_error("Result constructed from an ok Status without a value");
  }
  bool ok() const { return value_.has_value(); }
  const Status& status() const { return status_; }
  // Precondition: ok(). Calling it on an error is a programmer error and throws.
  T& value() {
    if (!value_) throw std::logic_error("Result::value() on error: " + status_.message());
    return *value_;
  }
  const T& value() const {
    if (!value_) throw std::logic_error("Result::value() on error: " + status_.message());
    return *value_;
  }

 private:
  std::optional<T> value_;
  Status status_;
};

}  // namespace vnextract

#endif  // VNEXTRACT_STATUS_H_
