// KX: the line on which a bucket's yearly therapy spend passes the threshold, and every later line of it,
// carries KX as the attestation that the services are medically necessary (BBA 2018 §50202; docs/rules.md §6).
// The thresholds are dated data (threshold tables of the releases), not code.
#include <string>

#include "base/concat.h"
#include "rules/kx_thresholds.h"
#include "rules/rules.h"
#include "rules/trace_text.h"

namespace unitwise {
namespace {

constexpr const char* kKxSource = "BBA 2018 §50202; MCPM 100-04 ch.5 §10.3.3; NGS and Noridian KX pages";

const char* bucket_name(KxBucket b) { return b == KxBucket::Ot ? "OT" : "PT+SLP"; }

}  // namespace

void apply_kx(const ValidVisit& valid, std::vector<Line>& lines, Notes& notes) {
  const Visit& visit = valid.visit();
  const auto& kx = valid.releases().kx;
  if (!kx || !visit.payer.kx) return;  // KX and the review threshold are Medicare's (BBA 2018 §50202)
  const Cents threshold = kx->amount;
  for (KxBucket bucket : {KxBucket::PtSlp, KxBucket::Ot}) {
    Cents spent = bucket == KxBucket::Ot ? visit.ytd_ot : visit.ytd_pt_slp;  // this year before the visit
    bool crossed = false;
    bool any_line = false;
    for (Line& line : lines) {
      // A GA or GY line is the patient's, not Medicare's: it neither adds to the spend nor takes KX (NGS: never
      // KX and GA together).
      // A denied line is off the claim: no spend, no KX.
      if (kx_bucket(line.discipline) != bucket || !line.billed() || line.liability != Liability::Payer) continue;
      any_line = true;
      spent += line.allowed;
      // The line that straddles the threshold gets KX too (K6.5: its exact treatment is UNVERIFIED).
      if (!crossed && spent > threshold) {
        crossed = true;
        Trace(notes.trace_on, notes.trace).add(Rule::Kx, line.code, kKxSource, [&] {
          return cat({line.code, ": the ", bucket_name(bucket), " spend reaches ", dollars(spent), ", past the ",
                      kx->release->year, " threshold of ", dollars(threshold), " → KX on this line and every later ",
                      bucket_name(bucket), " line (the line that straddles it included: UNVERIFIED)."});
        });
      }
      if (crossed) line.modifiers.emplace_back("KX");
    }
    if (!any_line) continue;
    const std::string name = bucket_name(bucket);
    if (crossed) {
      notes.warn(WarningId::KxApplied, cat({"The ", name, " therapy spend this year (", dollars(spent),
                                            " with this visit) is past the ", dollars(threshold),
                                            " threshold: KX added. Only bill KX when the record justifies medical "
                                            "necessity."}));
    } else if (spent * 10 >= threshold * 9) {
      notes.warn(WarningId::KxApproaching, cat({"The ", name, " therapy spend this year reaches ", dollars(spent),
                                                ", within 10% of the ", dollars(threshold), " KX threshold."}));
    }
    const auto& review = valid.releases().review;
    if (review && spent > review->amount) {
      notes.warn(WarningId::TargetedReview,
                 cat({"The ", name, " therapy spend this year (", dollars(spent), ") is past ", dollars(review->amount),
                      ": claims may be picked for targeted medical "
                      "review."}));
    }
  }
}

}  // namespace unitwise
