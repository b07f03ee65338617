// The two yearly therapy spend buckets the KX and review thresholds apply to (docs/rules.md §6).
#pragma once

#include "unitwise/model.h"

namespace unitwise {

// PT and SLP share one bucket, OT has its own (BBA 2018 §50202; MCPM 100-04 ch.5 §10.3).
enum class KxBucket { PtSlp, Ot };

inline KxBucket kx_bucket(Discipline d) { return d == Discipline::OT ? KxBucket::Ot : KxBucket::PtSlp; }

}  // namespace unitwise
