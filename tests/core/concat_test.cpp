// Sentences joined from text and integers read exactly as the operator+ chains they replaced.
#include "base/concat.h"

#include <gtest/gtest.h>

#include <climits>
#include <string>
#include <vector>

namespace unitwise {
namespace {

TEST(Concat, JoinsTextAndIntegersOfEveryWidth) {
  const std::string code = "97110";
  const std::string_view view = "GP";
  const std::size_t service = 3;
  EXPECT_EQ(cat({code, ": ", 38, " minutes, service ", service, ", ", view, " ", -7, " ", LLONG_MIN}),
            "97110: 38 minutes, service 3, GP -7 " + std::to_string(LLONG_MIN));
  EXPECT_EQ(cat({}), "");
  EXPECT_EQ(cat({"", 0, ""}), "0");
}

TEST(Concat, PiecesCopiedInAListKeepTheirDigits) {
  const std::vector<Piece> pieces = {12345, "-", 678};
  const std::vector<Piece> copy = pieces;  // a copied number piece must not point into the original
  std::string text;
  for (const Piece& p : copy) text += p.view();
  EXPECT_EQ(text, "12345-678");
}

TEST(Concat, AppendingInPartsKeepsEveryPart) {
  std::string text = "codes:";
  std::string expected = text;
  for (int i = 0; i < 500; ++i) {
    append(text, {" ", i, ","});
    expected += " " + std::to_string(i) + ",";
  }
  EXPECT_EQ(text, expected);
}

}  // namespace
}  // namespace unitwise
