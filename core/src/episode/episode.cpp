// One plan of care (docs/episodes.md): the visits in date order, each evaluated by the one-visit engine with
// its year-to-date spend carried from the visits before it, then the episode's alerts.
#include "unitwise/episode.h"

#include <algorithm>
#include <array>

#include "base/key_order.h"
#include "reference/rtm_codes.h"
#include "rules/kx_thresholds.h"
#include "rules/trace_text.h"
#include "validate/limits.h"

namespace unitwise {
namespace {

constexpr const char* kKxSource = "BBA 2018 §50202; MCPM 100-04 ch.5 §10.3.3 (docs/rules.md §6, §W3)";
constexpr const char* kReviewSource =
    "BBA 2018 §50202: targeted medical review above a yearly amount per bucket (amount and years in the threshold "
    "data); NGS (docs/rules.md §6 K6.6, §W3)";
constexpr const char* kProgressSource =
    "BPM 100-02 ch.15 §220.3.D: a progress report at least once every 10 treatment days (docs/rules.md §W3)";
constexpr const char* kRecertSource =
    "BPM 100-02 ch.15 §220.1.3: a certification covers at most 90 calendar days (docs/rules.md §W3)";
constexpr const char* kRtmSupplySource =
    "docs/rules.md §W2: one RTM device-supply code per 30-day period (bonearc, AAPC, FairPath) [2nd]; "
    "UNVERIFIED: no CMS or MAC text read";
constexpr const char* kRtmSetupSource =
    "docs/rules.md §W2: 98975 once per episode of care (clinii, MedBridge) [2nd]; UNVERIFIED: no CMS or MAC text read";
constexpr const char* kRtmManagementSource =
    "docs/rules.md §W2: RTM treatment management per calendar month, 98979 never with 98980/98981 "
    "(getorva, MedBridge, AAPC, StrataPT) [2nd]; UNVERIFIED: no CMS or MAC text read";

// The last day a certification may cover: day 90 counting the start as day 1 (W-open 4: the earlier of the
// two readings, so the alert never comes late).
constexpr int kCertificationDays = 90;
constexpr int kProgressReportDays = 10;
constexpr int kRtmSupplyPeriodDays = 30;

// Days since 1970-01-01 (H. Hinnant's days_from_civil).
long days(const Date& d) {
  const int y = d.year - (d.month <= 2 ? 1 : 0);
  const int era = (y >= 0 ? y : y - 399) / 400;
  const int yoe = y - era * 400;
  const int doy = (153 * (d.month + (d.month > 2 ? -3 : 9)) + 2) / 5 + d.day - 1;
  const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return static_cast<long>(era) * 146097 + doe - 719468;
}

std::string iso(const Date& d) { return iso_date(date_key(d)); }

Date plus_days(const Date& d, long n) {
  long z = days(d) + n + 719468;
  const long era = (z >= 0 ? z : z - 146096) / 146097;
  const long doe = z - era * 146097;
  const long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const long mp = (5 * doy + 2) / 153;
  const int day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  return {static_cast<int>(yoe + era * 400 + (month <= 2 ? 1 : 0)), month, day};
}

const char* bucket_name(KxBucket b) { return b == KxBucket::Ot ? "OT" : "PT+SLP"; }

// Struct-level checks: what the JSON parser checks too, for episodes built in C++.
void check(const Episode& e, std::vector<FieldError>& errors) {
  auto money = [&](Cents c, const char* path) {
    if (c < 0 || c > kMaxCents) errors.push_back({path, "must be between 0 and 1000000 dollars"});
  };
  money(e.prior_pt_slp, "/priorSpend/ptSlp");
  money(e.prior_ot, "/priorSpend/ot");
  if (!parse_iso_date(iso(e.plan.start))) errors.push_back({"/planOfCare/start", "must be a real calendar date"});
  if (e.plan.certified_through && date_key(*e.plan.certified_through) < date_key(e.plan.start)) {
    errors.push_back({"/planOfCare/certifiedThrough", "is before the plan starts"});
  }
  if (e.visits.empty() || e.visits.size() > kMaxEpisodeVisits) {
    errors.push_back(
        {"/visits", cat({"must hold between 1 and ", kMaxEpisodeVisits, " visits, not ", e.visits.size()})});
    return;
  }
  for (std::size_t i = 0; i < e.visits.size(); ++i) {
    const Visit& v = e.visits[i].visit;
    if (v.discipline != e.plan.discipline) {
      errors.push_back({cat({"/visits/", i, "/discipline"}),
                        cat({"is ", to_string(v.discipline), " but the plan of care is ", to_string(e.plan.discipline),
                             ": an episode is one discipline's plan"})});
    }
    if (i > 0 && date_key(v.date_of_service) < date_key(e.visits[i - 1].visit.date_of_service)) {
      errors.push_back({cat({"/visits/", i, "/dateOfService"}),
                        cat({"is ", iso(v.date_of_service), ", before visit ", i - 1, " (",
                             iso(e.visits[i - 1].visit.date_of_service), "): give the visits in date order"})});
    } else if (date_key(v.date_of_service) < date_key(e.plan.start)) {
      errors.push_back(
          {cat({"/visits/", i, "/dateOfService"}),
           cat({"is ", iso(v.date_of_service), ", before the plan of care starts (", iso(e.plan.start), ")"})});
    }
  }
}

// One bucket against one threshold over the episode: the running spend and the year's first crossing.
struct Tracker {
  ThresholdKind kind;
  KxBucket bucket;
  bool crossed_this_year = false;
  BucketSummary summary;
};

struct ThresholdText {
  AlertKind alert;
  const char* what;
  const char* source;
};

ThresholdText text_of(ThresholdKind k) {
  if (k == ThresholdKind::Kx) {
    return {AlertKind::KxThreshold,
            "KX threshold: KX goes on the line that passes it and every later line of the bucket this year", kKxSource};
  }
  return {AlertKind::MedicalReview,
          "targeted medical review threshold: claims may be picked for review (KX still needed)", kReviewSource};
}

}  // namespace

const char* to_string(AlertKind kind) {
  switch (kind) {
    case AlertKind::KxThreshold: return "kx-threshold";
    case AlertKind::MedicalReview: return "medical-review";
    case AlertKind::ProgressReportDue: return "progress-report-due";
    case AlertKind::RecertificationDue: return "recertification-due";
    case AlertKind::RtmWindow: return "rtm-window";
  }
  return "";
}

EpisodeResult evaluate_episode(const Episode& e, const ReferenceData& data) {
  EpisodeResult out;
  check(e, out.errors);
  if (!out.errors.empty()) return out;

  // Each visit checked once as given (ytd 0), so every visit's errors are reported together.
  for (std::size_t i = 0; i < e.visits.size(); ++i) {
    Visit v = e.visits[i].visit;
    v.ytd_pt_slp = v.ytd_ot = 0;
    Validation val = validate(std::move(v), data);
    for (FieldError& f : val.errors) out.errors.push_back({cat({"/visits/", i, f.path}), std::move(f.message)});
  }
  if (!out.errors.empty()) return out;

  std::array<Tracker, 4> trackers = {Tracker{ThresholdKind::Kx, KxBucket::PtSlp, false, {}},
                                     Tracker{ThresholdKind::Kx, KxBucket::Ot, false, {}},
                                     Tracker{ThresholdKind::MedicalReview, KxBucket::PtSlp, false, {}},
                                     Tracker{ThresholdKind::MedicalReview, KxBucket::Ot, false, {}}};
  std::array<Cents, 2> spent = {e.prior_pt_slp, e.prior_ot};  // this calendar year, before the visit
  int year = e.visits.front().visit.date_of_service.year;

  // Progress reports: treatment days counted from the first visit; a report ends the period on its day and
  // the next period starts on the following treatment day (W-open 3).
  int treatment_days = 0;
  long last_day = -1;
  std::optional<std::size_t> last_report;
  // Certification: the earlier of certifiedThrough and day 90 from the start.
  const Date day_90 = plus_days(e.plan.start, kCertificationDays - 1);
  Date cert_end = day_90;
  if (e.plan.certified_through && date_key(*e.plan.certified_through) < date_key(day_90))
    cert_end = *e.plan.certified_through;
  bool recert_alerted = false;
  // RTM: the start of the current device-supply period; the month whose management a visit already billed.
  std::optional<long> supply_period_start;
  std::optional<std::size_t> setup_visit;  // the visit that billed 98975
  Date supply_period_date;
  int management_month = 0;  // YYYYMM
  std::size_t management_visit = 0;

  for (std::size_t i = 0; i < e.visits.size(); ++i) {
    const EpisodeVisit& ev = e.visits[i];
    const Date& date = ev.visit.date_of_service;
    const int index = static_cast<int>(i);
    if (date.year != year) {  // a new calendar year starts every bucket again
      year = date.year;
      spent = {0, 0};
      for (Tracker& t : trackers) {
        t.crossed_this_year = false;
        t.summary.crossed_at_visit.reset();  // the summary is the last visit's year
      }
    }
    Visit v = ev.visit;
    v.ytd_pt_slp = spent[0];
    v.ytd_ot = spent[1];
    Validation val = validate(std::move(v), data);
    if (!val.value) {  // only the carried spend can fail here: past the engine's $1,000,000 bound
      out.errors.push_back({cat({"/visits/", i}),
                            cat({"the year-to-date spend carried into this visit (PT+SLP ", dollars(spent[0]), ", OT ",
                                 dollars(spent[1]), ") is past the engine's $1000000.00 bound for a year's therapy"})});
      break;
    }
    Result r = evaluate(*val.value);

    std::array<Cents, 2> added = {0, 0};
    std::array<bool, 2> billed = {false, false};
    for (const Line& line : r.lines) {
      if (!line.billed()) continue;  // a denied line is off the claim: no spend (docs/rules.md §D)
      const int b = kx_bucket(line.discipline) == KxBucket::Ot ? 1 : 0;
      added[b] += line.allowed;
      billed[b] = true;
    }
    for (Tracker& t : trackers) {
      const int b = t.bucket == KxBucket::Ot ? 1 : 0;
      const auto& in_force = t.kind == ThresholdKind::Kx ? val.value->releases().kx : val.value->releases().review;
      const Cents after = spent[b] + added[b];
      t.summary.year = year;
      t.summary.spent = after;
      t.summary.threshold.reset();
      t.summary.release = nullptr;
      if (!in_force) continue;
      t.summary.threshold = in_force->amount;
      t.summary.release = in_force->release;
      // Passing means going above, as the KX rule does (docs/rules.md §6): a visit with a line of the bucket.
      if (t.crossed_this_year || !billed[b] || after <= in_force->amount) continue;
      t.crossed_this_year = true;
      t.summary.crossed_at_visit = index;
      const ThresholdText text = text_of(t.kind);
      std::string message =
          cat({"Visit ", i + 1, " (", iso(date), "): the ", bucket_name(t.bucket), " spend this year "});
      if (spent[b] > in_force->amount) append(message, {"was already ", dollars(spent[b]), " and "});
      append(message, {"reaches ", dollars(after), ", past the "});
      if (in_force->release->year != 0) append(message, {in_force->release->year, " "});
      append(message, {dollars(in_force->amount), " ", text.what, "."});
      if (in_force->nearest) append(message, {" No release holds ", year, "'s amount: the nearest was used."});
      out.alerts.push_back({index, text.alert, message, cat({in_force->release->name, "; ", text.source})});
    }
    spent[0] += added[0];
    spent[1] += added[1];

    // Progress report: a treatment day is a calendar day with a visit (visits on one day count once).
    const long today = days(date);
    const std::optional<std::size_t> report_today = [&]() -> std::optional<std::size_t> {
      for (std::size_t k = i; k < e.visits.size() && date_key(e.visits[k].visit.date_of_service) == date_key(date);
           ++k) {
        if (e.visits[k].progress_report) return k;
      }
      return std::nullopt;
    }();
    if (today != last_day) {
      last_day = today;
      ++treatment_days;
      if (treatment_days % kProgressReportDays == 0 && !report_today) {
        out.alerts.push_back({index, AlertKind::ProgressReportDue,
                              cat({"Visit ", i + 1, " (", iso(date), ") is treatment day ", treatment_days, " since ",
                                   last_report ? cat({"the progress report of visit ", *last_report + 1})
                                               : std::string("the start of the episode"),
                                   " with no progress report since: one is due by this visit."}),
                              kProgressSource});
      }
      if (report_today) {
        treatment_days = 0;
        last_report = report_today;
      }
    }

    // Recertification: once, at the first visit past the certified period.
    if (!recert_alerted && date_key(date) > date_key(cert_end)) {
      recert_alerted = true;
      const bool by_cert = e.plan.certified_through && date_key(*e.plan.certified_through) < date_key(day_90);
      out.alerts.push_back(
          {index, AlertKind::RecertificationDue,
           cat({"Visit ", i + 1, " (", iso(date), ") is after ",
                by_cert ? cat({"the plan's certification ends (", iso(cert_end), ")"})
                        : cat({"day 90 of the plan (", iso(cert_end), ", counting ", iso(e.plan.start),
                               " as day 1; UNVERIFIED, W-open 4)"}),
                ": a recertification signed by the physician or NPP is needed for this and later visits."}),
           kRecertSource});
    }

    // RTM: device supply once per 30-day period; treatment management once per calendar month.
    bool has_98979 = false, has_98980_or_81 = false;
    for (const Service& s : ev.visit.services) {
      if (s.code == "98975") {
        if (setup_visit && *setup_visit != i) {
          out.alerts.push_back({index, AlertKind::RtmWindow,
                                cat({"Visit ", i + 1, " (", iso(date),
                                     "): 98975 (device set-up and teaching) again, "
                                     "already billed at visit ",
                                     *setup_visit + 1,
                                     ": it is billed once per episode of "
                                     "care, so this one would be denied. Drop it."}),
                                kRtmSetupSource});
        } else {
          setup_visit = i;
        }
      }
      if (is_rtm_device_supply(s.code)) {
        if (supply_period_start && today - *supply_period_start < kRtmSupplyPeriodDays) {
          out.alerts.push_back({index, AlertKind::RtmWindow,
                                cat({"Visit ", i + 1, " (", iso(date), "): device supply ", s.code,
                                     " within 30 days of the one billed on ", iso(supply_period_date),
                                     ": only one device-supply code per 30-day period."}),
                                kRtmSupplySource});
        } else {
          supply_period_start = today;
          supply_period_date = date;
        }
      }
      if (is_rtm_management(s.code)) (s.code == "98979" ? has_98979 : has_98980_or_81) = true;
    }
    if (has_98979 || has_98980_or_81) {
      const int month = date.year * 100 + date.month;
      if (management_month == month) {
        out.alerts.push_back({index, AlertKind::RtmWindow,
                              cat({"Visit ", i + 1, " (", iso(date), "): RTM treatment management again in ",
                                   iso(date).substr(0, 7), ", already billed at visit ", management_visit + 1,
                                   ": bill it once per calendar month (98981 as units on that claim)."}),
                              kRtmManagementSource});
      } else {
        management_month = month;
        management_visit = i;
      }
      if (has_98979 && has_98980_or_81) {
        out.alerts.push_back(
            {index, AlertKind::RtmWindow,
             cat({"Visit ", i + 1, " (", iso(date),
                  "): 98979 with 98980/98981: 98979 (10-19 minutes) is never billed with them in a month."}),
             kRtmManagementSource});
      }
    }

    out.visits.push_back(std::move(r));
    out.dates.push_back(date);
  }
  if (!out.errors.empty()) {
    out.visits.clear();
    out.dates.clear();
    out.alerts.clear();
    return out;
  }
  out.kx_pt_slp = trackers[0].summary;
  out.kx_ot = trackers[1].summary;
  out.review_pt_slp = trackers[2].summary;
  out.review_ot = trackers[3].summary;
  sort_by_key(out.alerts, [](const Alert& a) {  // by visit, then kind; stable (key_order.h)
    return (static_cast<std::uint64_t>(a.visit) << 32) | static_cast<std::uint32_t>(static_cast<int>(a.kind));
  });
  out.ok = true;
  return out;
}

}  // namespace unitwise
