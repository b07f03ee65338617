// The per-beneficiary therapy thresholds above which lines need KX (rules.md §6).
#pragma once

#include <optional>

#include "unitwise/model.h"

namespace unitwise {

// The KX threshold of a calendar year in cents (same amount for each bucket), if known.
std::optional<Cents> kx_threshold(int year);

// Above this a claim may go to targeted medical review, per bucket, through 2027 (NGS; CMS 2019 page).
inline constexpr Cents kTargetedReviewCents = 300000;

enum class KxBucket { PtSlp, Ot };

inline KxBucket kx_bucket(Discipline d) { return d == Discipline::OT ? KxBucket::Ot : KxBucket::PtSlp; }

}  // namespace unitwise
