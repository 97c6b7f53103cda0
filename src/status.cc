#include "plangraph/status.h"

namespace plangraph {

std::string Status::ToString() const {
  switch (kind_) {
    case Kind::kOk: return "ok";
    case Kind::kInvalidInput: return "invalid input: " + message_;
    case Kind::kUnreadable: return "unreadable: " + message_;
    case Kind::kNotFound: return "not found: " + message_;
    case Kind::kBadRule: return "bad rule: " + message_;
    case Kind::kIOError: return "I/O error: " + message_;
    case Kind::kInternal: return "internal error: " + message_;
  }
  return message_;
}

}  // namespace plangraph
