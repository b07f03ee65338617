// Finding a payment locality by place (core/src/reference/places.cpp), on small made-up tables shaped like CMS's
// GPCI and LOCCO files. The vectors in tests/vectors/places run the same lookup through whole visits.
#include "reference/places.h"

#include <gtest/gtest.h>

namespace unitwise {
namespace {

GpciRow row(std::string id, std::string state, std::string name) { return GpciRow{id, "", "", state, name}; }

struct Tables {
  Table<GpciRow> gpci{
      {},
      {row("01-01", "AA", "ALPHA CITY"), row("01-99", "AA", "REST OF ALPHAVILLE"), row("02-00", "BB", "BETA STATE"),
       row("03-01", "CC", "GAMMA-DELTA (EAST CNTY)"), row("03-99", "CC", "REST OF CEELAND")}};
  Table<LocalityRow> counties{{},
                              {{"01-01", "AA", "", "NORTH, SOUTH AND ST. JOHN"},
                               {"01-99", "AA", "", "ALL OTHER COUNTIES"},
                               {"02-00", "BB", "", "ALL COUNTIES, EXCEPT WEST; WEST IN ALPHAVILLE"},
                               {"03-01", "CC", "", "EAST"},
                               {"03-99", "CC", "", "ALL OTHER COUNTIES"}}};
  std::vector<Place> places = places_in_force(&gpci, &counties);
};

std::vector<std::string> ids(std::string_view text) {
  static const Tables t;
  std::vector<std::string> out;
  for (const Place* p : find_places(text, t.places)) out.push_back(p->id);
  return out;
}

using Ids = std::vector<std::string>;

TEST(Places, NationalIsFirstAndAnEmptyTextMeansIt) {
  EXPECT_EQ(ids(""), Ids{"national"});
  EXPECT_EQ(ids("  NaTiOnAl "), Ids{"national"});
}

TEST(Places, AnIdMeansItself) { EXPECT_EQ(ids("03-01"), Ids{"03-01"}); }

TEST(Places, ACityWithItsStateCodeOrName) {
  EXPECT_EQ(ids("Alpha City, AA"), Ids{"01-01"});
  EXPECT_EQ(ids("alpha city alphaville"), Ids{"01-01"});
}

TEST(Places, APartOfAMetroNameFindsIt) { EXPECT_EQ(ids("Delta"), Ids{"03-01"}); }

TEST(Places, ACountyListedByLoccoFindsItsLocality) {
  EXPECT_EQ(ids("South County, AA"), Ids{"01-01"});
  EXPECT_EQ(ids("St John, AA"), Ids{"01-01"});  // dots are ignored on both sides
}

TEST(Places, ACountyNotListedIsInTheRestOfItsState) { EXPECT_EQ(ids("Nowhere County, AA"), Ids{"01-99"}); }

TEST(Places, ACountyListedUnderAnotherStatesLocalityFollowsThatList) {
  EXPECT_EQ(ids("West County, AA"), Ids{"02-00"});
}

TEST(Places, AStateWithSeveralLocalitiesListsThemAll) { EXPECT_EQ(ids("AA"), (Ids{"01-01", "01-99"})); }

TEST(Places, AStateWithOneLocalityIsThatLocality) {
  EXPECT_EQ(ids("Beta State"), Ids{"02-00"});
  EXPECT_EQ(ids("Anything, BB"), Ids{"02-00"});
}

TEST(Places, NothingFoundIsEmpty) {
  EXPECT_TRUE(ids("Omega").empty());
  EXPECT_TRUE(ids(",,,").empty());
}

TEST(Places, NamesAreShownWithTheirState) {
  const Tables t;
  EXPECT_EQ(place_label(t.places[1]), "ALPHA CITY, AA");
  EXPECT_EQ(place_label(t.places[0]), "national");
}

}  // namespace
}  // namespace unitwise
