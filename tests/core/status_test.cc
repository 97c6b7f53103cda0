// Status and Result<T>: the contract every library function relies on.
#include <gtest/gtest.h>

#include <string>

#include "plangraph/status.h"

namespace plangraph {
namespace {

TEST(ResultTest, SuccessCarriesTheValueAndAnOkStatus) {
  Result<std::string> r(std::string("Kế hoạch"));
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r.status().ok());
  EXPECT_EQ(r.status().kind(), Status::Kind::kOk);
  EXPECT_EQ(*r, "Kế hoạch");
}

TEST(ResultTest, FailureCarriesItsStatus) {
  Result<int> r(Status::NotFound("rules/x.tsv: no such file"));
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(r.status().kind(), Status::Kind::kNotFound);
  EXPECT_EQ(r.status().message(), "rules/x.tsv: no such file");
}

// Regression: Result(Status::Ok()) used to be a failure whose status said ok.
TEST(ResultTest, BuiltFromAnOkStatusIsAnInternalFailure) {
  Result<int> r(Status::Ok());
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(r.status().kind(), Status::Kind::kInternal);
  EXPECT_FALSE(r.status().ok());
}

}  // namespace
}  // namespace plangraph
