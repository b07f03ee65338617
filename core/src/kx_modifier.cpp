// KX: the line on which a bucket's yearly therapy spend passes the threshold, and every later line of it,
// carries KX as the attestation that the services are medically necessary (BBA 2018 §50202; rules.md §6).
#include <string>

#include "kx_thresholds.h"
#include "trace_text.h"
#include "unitwise/billing_edits.h"

namespace unitwise {
namespace {

struct YearThreshold {
  int year;
  Cents cents;
};

// 2020 is left out: no source in rules.md gives it, and the engine prices only 2025-2026 visits.
constexpr YearThreshold kThresholds[] = {
    {2019, 204000},  // CMS Therapy Services page (2019)
    {2021, 211000},  // therapycomply table (secondary)
    {2022, 215000},  // Noridian JE table
    {2023, 223000},  // Noridian JE table
    {2024, 233000},  // Noridian JE table; NGS CY2024 article
    {2025, 241000},  // Priority Health, prombs, btetechnologies (secondary; no CMS/MAC page found)
    {2026, 248000},  // alsintegratedsvc, postacutetools (secondary; no CMS/MAC page found)
};

constexpr const char* kKxSource = "BBA 2018 §50202; MCPM 100-04 ch.5 §10.3.3; NGS and Noridian KX pages";

const char* bucket_name(KxBucket b) { return b == KxBucket::Ot ? "OT" : "PT+SLP"; }

}  // namespace

std::optional<Cents> kx_threshold(int year) {
  for (const auto& t : kThresholds) {
    if (t.year == year) return t.cents;
  }
  return std::nullopt;
}

void apply_kx(const Visit& visit, std::vector<Line>& lines, Notes& notes) {
  const std::optional<Cents> threshold = kx_threshold(visit.date_of_service.year);
  if (!threshold) return;
  for (KxBucket bucket : {KxBucket::PtSlp, KxBucket::Ot}) {
    Cents spent = bucket == KxBucket::Ot ? visit.ytd_ot : visit.ytd_pt_slp;  // this year before the visit
    bool crossed = false;
    bool any_line = false;
    for (Line& line : lines) {
      if (kx_bucket(line.discipline) != bucket || line.units == 0) continue;
      any_line = true;
      spent += line.allowed;
      // The line that straddles the threshold gets KX too (K6.5: its exact treatment is UNVERIFIED).
      if (!crossed && spent > *threshold) {
        crossed = true;
        Trace(notes.explain, notes.trace).add("kx", line.code, kKxSource, [&] {
          return line.code + ": the " + bucket_name(bucket) + " spend reaches " + dollars(spent) + ", past the " +
                 std::to_string(visit.date_of_service.year) + " threshold of " + dollars(*threshold) +
                 " → KX on this line and every later " + bucket_name(bucket) +
                 " line (the line that straddles it included: UNVERIFIED).";
        });
      }
      if (crossed) line.modifiers.emplace_back("KX");
    }
    if (!any_line) continue;
    const std::string name = bucket_name(bucket);
    if (crossed) {
      notes.warnings.push_back({"kx-applied", "The " + name + " therapy spend this year (" + dollars(spent) +
                                                  " with this visit) is past the " + dollars(*threshold) +
                                                  " threshold: KX added. Only bill KX when the record justifies "
                                                  "medical necessity."});
    } else if (spent * 10 >= *threshold * 9) {
      notes.warnings.push_back({"kx-approaching", "The " + name + " therapy spend this year reaches " +
                                                      dollars(spent) + ", within 10% of the " + dollars(*threshold) +
                                                      " KX threshold."});
    }
    if (spent > kTargetedReviewCents) {
      notes.warnings.push_back({"targeted-review", "The " + name + " therapy spend this year (" + dollars(spent) +
                                                       ") is past $3,000: claims may be picked for targeted "
                                                       "medical review."});
    }
  }
}

}  // namespace unitwise
