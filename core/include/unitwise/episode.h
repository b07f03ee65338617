// One patient's plan of care: its visits evaluated in date order, each visit's year-to-date therapy spend
// carried from the visits before it, and the episode's alerts (KX and review thresholds, progress report,
// recertification, RTM periods). docs/episodes.md describes the input, the output and the sources.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "unitwise/model.h"
#include "unitwise/reference.h"
#include "unitwise/unitwise.h"

namespace unitwise {

// Bounds on an episode. A certification covers at most 90 days (BPM 100-02 ch.15 §220.1.3): even two visits
// every day of it, with evaluations, stay under 200; 400 leaves room for a plan that runs through a
// recertification, and bounds the time (about 400 visit evaluations) and memory of one call.
inline constexpr std::size_t kMaxEpisodeVisits = 400;
inline constexpr std::size_t kMaxEpisodeBytes = 16u << 20;
// An episode nests 6 deep at most (visits, a visit, its payer's fee table...); its visits are edited as DOMs,
// whose copy and dump recurse, so a text nested far deeper is refused before them (it crashed them).
inline constexpr std::size_t kMaxEpisodeDepth = 64;

struct PlanOfCare {
  Discipline discipline = Discipline::PT;
  Date start;
  std::optional<Date> certified_through;
};

struct EpisodeVisit {
  Visit visit;                   // its ytd_pt_slp / ytd_ot are set by the episode, whatever they hold here
  bool progress_report = false;  // a progress report was written at this visit
};

struct Episode {
  PlanOfCare plan;
  Cents prior_pt_slp = 0;  // allowed amounts before the episode, in the calendar year of its first visit
  Cents prior_ot = 0;
  std::vector<EpisodeVisit> visits;  // in date order
};

enum class AlertKind { KxThreshold, MedicalReview, ProgressReportDue, RecertificationDue, RtmWindow };
const char* to_string(AlertKind kind);  // "kx-threshold", "medical-review", ...

struct Alert {
  int visit = 0;  // 0-based index into the episode's visits
  AlertKind kind = AlertKind::KxThreshold;
  std::string message;
  std::string source;  // the release's name (thresholds) and the rule's citation
};

// One spend bucket (PT+SLP or OT) against one threshold (KX or medical review), at the end of the episode.
struct BucketSummary {
  int year = 0;     // the calendar year of the last visit: spent and threshold are that year's
  Cents spent = 0;  // that year's spend after the last visit (prior spend included when it is the first year)
  std::optional<Cents> threshold;  // none when no release holds one
  const Release* release = nullptr;
  std::optional<int> crossed_at_visit;  // the first visit that took the bucket past the threshold
};

struct EpisodeResult {
  bool ok = false;
  std::vector<Result> visits;  // one per visit, in input order
  std::vector<Date> dates;     // each visit's date of service (the visit JSON writer needs it)
  BucketSummary kx_pt_slp, kx_ot, review_pt_slp, review_ot;
  std::vector<Alert> alerts;       // by visit, then kind
  std::vector<FieldError> errors;  // JSON pointers into the episode: /visits/3/dateOfService
};

// Checks an episode built in C++ (order, discipline, prior spend, limits, every visit) and evaluates it.
// `data` must outlive the result. Never throws for bad input: ok false and the errors.
EpisodeResult evaluate_episode(const Episode& episode, const ReferenceData& data = ReferenceData::builtin());

// Episode JSON in, episode result JSON out (docs/episodes.md). Never throws.
std::string evaluate_episode_json(std::string_view episode_json);
std::string evaluate_episode_json(std::string_view episode_json, const ReferenceData& data);

}  // namespace unitwise
