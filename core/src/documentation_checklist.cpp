// What the record must show for this visit: the treatment-note elements an auditor checks
// (BPM 100-02 ch.15 §220), then items for particular codes and lines.
#include <algorithm>
#include <string>

#include "code_catalogue.h"
#include "unitwise/billing_edits.h"

namespace unitwise {
namespace {

constexpr const char* kNote = "BPM 100-02 ch.15 §220.3 (treatment note)";
constexpr const char* kPlan = "BPM 100-02 ch.15 §220.1.2-§220.1.3; Novitas documentation checklist";

std::vector<std::string> codes_where(const std::vector<Line>& lines, bool (*pred)(const Line&)) {
  std::vector<std::string> out;
  for (const Line& l : lines) {
    if (pred(l) && std::find(out.begin(), out.end(), l.code) == out.end()) out.push_back(l.code);
  }
  return out;
}

bool timed(const Line& l) { return find_code(l.code)->row->timed; }

}  // namespace

std::vector<ChecklistItem> documentation_checklist(const Visit& visit, const std::vector<Line>& lines) {
  int timed_minutes = 0;
  int all_minutes = 0;
  for (const Service& s : visit.services) {
    all_minutes += s.minutes;
    if (find_code(s.code)->row->timed) timed_minutes += s.minutes;
  }
  std::vector<ChecklistItem> out;
  auto add = [&](const char* id, std::string text, std::vector<std::string> codes, const char* source) {
    out.push_back({id, std::move(text), std::move(codes), source});
  };
  auto one = [&](const char* code) {
    return std::any_of(lines.begin(), lines.end(), [&](const Line& l) { return l.code == code && l.units > 0; })
               ? std::vector<std::string>{code}
               : std::vector<std::string>{};
  };

  // The visit as a whole.
  add("interventions-named", "Name every intervention given today, timed and untimed, in words that match the "
      "codes billed, including timed services that earned no unit.", {}, kNote);
  add("total-minutes", "Record the total timed-code minutes (" + std::to_string(timed_minutes) + " here) and the "
      "total treatment time (" + std::to_string(all_minutes) + " here with untimed services; rest and waiting do "
      "not count). The units billed must agree with them.", {}, kNote);
  add("signature", "Sign with your credentials, and list everyone who furnished part of the treatment.", {}, kNote);
  add("functional-goals", "Tie today's work to measurable functional goals in the plan of care.", {}, kPlan);
  add("skilled-need", "Say why the services needed a therapist's skill; being given by a therapist is not enough.",
      {}, "BPM 100-02 ch.15 §220.2");
  add("plan-of-care-certified", "Have the plan of care certified by the physician or NPP within 30 days of the "
      "first treatment, and recertified at least every 90 days.", {}, kPlan);
  add("progress-report", "Write a progress report at least once every 10 treatment days (by the therapist, not "
      "an assistant).", {}, "BPM 100-02 ch.15 §220.3 (progress reports)");

  // Particular codes.
  const std::vector<std::string> timed_codes = codes_where(lines, timed);
  if (!timed_codes.empty()) {
    add("minutes-per-code", "Keep the minutes of each timed code: Medicare asks only for the total, but the split "
        "decides which code gets each unit and per-code payers need it.", timed_codes, kNote);
  }
  if (auto c = one("97530"); !c.empty()) {
    add("97530-one-on-one", "Show direct one-on-one contact for all the billed time.", c, "CPT 97530 descriptor (seed article)");
    add("97530-dynamic-activity", "Describe the dynamic, functional activities (lifting, reaching, transfers...) "
        "and the task each one trains.", c, "CPT 97530 descriptor (seed article)");
    add("97530-functional-outcome", "Say what the patient can do better because of it (the functional outcome), "
        "not only what was done.", c, "CPT 97530 (seed article); Novitas");
  }
  const std::vector<std::string> assisted = {"97530", "97535", "97116", "97542"};
  std::vector<std::string> assistance;
  for (const auto& code : assisted) {
    if (!one(code.c_str()).empty()) assistance.push_back(code);
  }
  if (!assistance.empty()) {
    add("assistance-level", "Record the level of assistance and cueing needed (e.g. minimal, moderate) and how "
        "it changes.", assistance, "Novitas documentation checklist");
  }
  if (auto c = one("97110"); !c.empty()) {
    add("97110-exercise-detail", "List the exercises with their parameters (sets, repetitions, resistance) and the "
        "skilled cueing or progression you gave.", c, kNote);
  }
  if (auto c = one("97112"); !c.empty()) {
    add("97112-neuromuscular", "Name the balance, coordination or posture deficit and the re-education technique.",
        c, kNote);
  }
  if (auto c = one("97140"); !c.empty()) {
    add("97140-region-technique", "Name the body region and the manual technique (mobilization, manipulation, "
        "soft tissue, traction).", c, kNote);
  }
  if (auto c = one("97116"); !c.empty()) {
    add("97116-gait", "Describe the gait deviations worked on, the assistive device and the surface or stairs.", c, kNote);
  }
  if (auto c = one("97150"); !c.empty()) {
    add("97150-group", "Record how many patients were in the group and that you were in constant attendance.", c,
        "BPM 100-02 ch.15 §230.1");
  }
  std::vector<std::string> evals;
  for (const Line& l : lines) {
    if (l.units > 0 && find_code(l.code)->evaluation) evals.push_back(l.code);
  }
  if (!evals.empty()) {
    add("evaluation-elements", "Document the history, examination, clinical presentation and decision making that "
        "support the complexity of the evaluation billed, and the plan of care it produced.", evals, kPlan);
  }
  const auto unbilled = codes_where(lines, [](const Line& l) { return l.units == 0 && find_code(l.code)->row->timed; });
  if (!unbilled.empty()) {
    add("unbilled-timed-code", "Document these timed services with their minutes although they earned no unit: "
        "unbilled timed services still bear on the billing.", unbilled, kNote);
  }
  const auto assistant = codes_where(lines, [](const Line& l) { return l.assistant; });
  if (!assistant.empty()) {
    add("assistant-minutes", "Show which minutes the assistant furnished without the therapist, and who supervised: "
        "that decides the CQ/CO modifier.", assistant, "42 U.S.C. 1395m(v); rules.md §10 D10.7");
  }
  const auto kx = codes_where(lines, [](const Line& l) {
    return std::find(l.modifiers.begin(), l.modifiers.end(), "KX") != l.modifiers.end();
  });
  if (!kx.empty()) {
    add("kx-medical-necessity", "Justify why therapy above this year's threshold is medically necessary: KX attests "
        "that the record shows it.", kx, "MCPM 100-04 ch.5 §10.3.3");
  }
  return out;
}

}  // namespace unitwise
