// Diagnoses and diagnosis pointers: form checks and the pointers of each line (diagnoses.h).
#include "validate/diagnoses.h"

#include <algorithm>

#include "base/concat.h"
#include "validate/validate_visit.h"

namespace unitwise {
namespace {

bool digit(char c) { return c >= '0' && c <= '9'; }
bool capital(char c) { return c >= 'A' && c <= 'Z'; }
bool alnum(char c) { return digit(c) || capital(c); }

// The code without its dot: "M54.50" and "M5450" are one diagnosis.
std::string undotted(std::string_view code) {
  std::string out;
  for (char c : code) {
    if (c != '.') out += c;
  }
  return out;
}

std::string pointer_path(std::size_t service, std::size_t k) {
  return cat({service_path(service, "/diagnosisPointers/"), k});
}

}  // namespace

bool icd10cm_form_ok(std::string_view code) {
  if (code.size() < 3 || !capital(code[0]) || !digit(code[1]) || !alnum(code[2])) return false;
  std::string_view rest = code.substr(3);
  if (!rest.empty() && rest[0] == '.') {
    rest.remove_prefix(1);
    if (rest.empty()) return false;  // "M54." : a dot promises a subcategory
  }
  return rest.size() <= 4 && std::all_of(rest.begin(), rest.end(), alnum);
}

DiagnosisPointers effective_pointers(const Visit& visit, const Service& service) {
  DiagnosisPointers out;
  if (visit.diagnoses.empty()) return out;
  if (service.diagnosis_pointers.empty()) {
    out.items[out.count++] = 1;  // issue 30: the first diagnosis when a service names none
    return out;
  }
  for (int p : service.diagnosis_pointers) {
    if (out.count < out.items.size() && p >= 1 && p <= static_cast<int>(kMaxDiagnoses)) {
      out.items[out.count++] = static_cast<std::uint8_t>(p);
    }
  }
  return out;
}

std::vector<DiagnosisProblem> check_diagnoses(const Visit& visit, const std::set<std::string>& reported) {
  std::vector<DiagnosisProblem> problems;
  const auto& dx = visit.diagnoses;
  const bool any_pointers = std::any_of(visit.services.begin(), visit.services.end(),
                                        [](const Service& s) { return !s.diagnosis_pointers.empty(); });
  if (dx.empty() && !any_pointers) return problems;  // the common visit: nothing to check
  const bool diagnoses_unreadable = reported.count("/diagnoses") != 0;
  if (dx.size() > kMaxDiagnoses) {
    problems.push_back(
        {"/diagnoses", cat({"must hold at most ", kMaxDiagnoses, " ICD-10-CM codes (a claim has room for ",
                            kMaxDiagnoses, "), not ", dx.size()})});
  }
  for (std::size_t k = 0; k < dx.size() && k < kMaxDiagnoses; ++k) {
    if (!icd10cm_form_ok(dx[k])) {
      problems.push_back({cat({"/diagnoses/", k}),
                          cat({"\"", shorten(dx[k]),
                               "\" is not an ICD-10-CM code: write a capital letter, a digit, a "
                               "letter or digit, then optionally a dot and up to four letters or digits, such as "
                               "\"M54.50\" or \"M5450\""})});
      continue;
    }
    for (std::size_t j = 0; j < k; ++j) {
      if (icd10cm_form_ok(dx[j]) && undotted(dx[j]) == undotted(dx[k])) {
        problems.push_back({cat({"/diagnoses/", k}), cat({"\"", dx[k], "\" is listed twice (also diagnosis ", j + 1,
                                                          "): list each diagnosis once and point to it by number"})});
        break;
      }
    }
  }
  const std::size_t n = std::min(dx.size(), kMaxDiagnoses);
  for (std::size_t i = 0; i < visit.services.size(); ++i) {
    const std::vector<int>& pointers = visit.services[i].diagnosis_pointers;
    if (pointers.empty()) continue;
    if (dx.empty()) {
      if (!diagnoses_unreadable) {
        problems.push_back({service_path(i, "/diagnosisPointers"),
                            "points to diagnoses, but the visit lists none: add \"diagnoses\" (the ICD-10-CM codes, "
                            "in order) or leave diagnosisPointers out"});
      }
      continue;
    }
    if (pointers.size() > kMaxDiagnosisPointers) {
      problems.push_back(
          {service_path(i, "/diagnosisPointers"), cat({"must hold one to ", kMaxDiagnosisPointers,
                                                       " diagnosis numbers (a claim line has room "
                                                       "for ",
                                                       kMaxDiagnosisPointers, "), not ", pointers.size()})});
      continue;
    }
    for (std::size_t k = 0; k < pointers.size(); ++k) {
      const int p = pointers[k];
      if (p < 1 || static_cast<std::size_t>(p) > n) {
        problems.push_back(
            {pointer_path(i, k), cat({"is ", p, ", but the visit lists ", n, n == 1 ? " diagnosis" : " diagnoses",
                                      ": a pointer is a diagnosis's position in \"diagnoses\", 1 to ", n})});
      } else if (std::find(pointers.begin(), pointers.begin() + static_cast<std::ptrdiff_t>(k), p) !=
                 pointers.begin() + static_cast<std::ptrdiff_t>(k)) {
        problems.push_back(
            {pointer_path(i, k), cat({"points to diagnosis ", p, " a second time: give each number once"})});
      }
    }
  }
  // Services of one code and plan of care make one claim line (evaluate.cpp merge_services), which has one set of
  // pointers: they must agree.
  for (std::size_t i = 0; i < visit.services.size(); ++i) {
    for (std::size_t k = 0; k < i; ++k) {
      const Service& a = visit.services[k];
      const Service& b = visit.services[i];
      if (a.code != b.code || a.discipline != b.discipline) continue;
      if (reported.count(service_path(k, "/diagnosisPointers")) ||
          reported.count(service_path(i, "/diagnosisPointers"))) {
        continue;  // one of them was unreadable: its pointers are not known
      }
      if (!(effective_pointers(visit, a) == effective_pointers(visit, b))) {
        problems.push_back({service_path(i, "/diagnosisPointers"),
                            cat({b.code,
                                 " is listed twice with different diagnosis pointers; its minutes make one "
                                 "line, so give both the same pointers"})});
        break;
      }
    }
  }
  return problems;
}

void attach_diagnosis_pointers(const Visit& visit, std::vector<Line>& lines) {
  if (visit.diagnoses.empty()) return;
  for (Line& line : lines) {
    for (const Service& s : visit.services) {
      if (s.code == line.code && s.discipline == line.discipline) {
        line.diagnosis_pointers = effective_pointers(visit, s);
        break;
      }
    }
  }
}

}  // namespace unitwise
