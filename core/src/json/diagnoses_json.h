// The visit JSON's "diagnoses" and each service's "diagnosisPointers" (issue 30): their shape only, read into the
// Visit; validate() checks the codes' form and the pointers' range (validate/diagnoses.h). A template over the
// visit parser's checker (visit_json.cpp), whose fail() records the path so validate() does not report it again.
#pragma once

#include <cmath>
#include <cstddef>
#include <string>

#include "base/flat_json.h"
#include "base/concat.h"
#include "unitwise/model.h"
#include "validate/diagnoses.h"
#include "validate/validate_visit.h"

namespace unitwise {

// Read at most this many: a longer list is an error, and a hostile one is not copied.
template <class Checker>
void parse_diagnoses(Checker& c, JsonRef list, Visit& visit) {
  if (!list.is_array()) {
    c.fail("/diagnoses", "must be an array of ICD-10-CM codes such as [\"M54.50\", \"M62.81\"], in pointer order");
    return;
  }
  if (list.size() > kMaxDiagnoses) {
    c.fail("/diagnoses", cat({"must hold at most ", kMaxDiagnoses, " ICD-10-CM codes (a claim has room for ",
                              kMaxDiagnoses, "), not ", list.size()}));
    return;
  }
  std::size_t k = 0;
  for (JsonRef code : list) {
    if (code.is_string()) {
      visit.diagnoses.emplace_back(code.string());  // as typed: never trimmed or recased
    } else {
      c.fail(cat({"/diagnoses/", k}), "must be a string: an ICD-10-CM code such as \"M54.50\"");
      visit.diagnoses.emplace_back();  // keeps the later codes at their numbers
    }
    ++k;
  }
}

template <class Checker>
void parse_diagnosis_pointers(Checker& c, JsonRef list, std::size_t service, Service& out) {
  const std::string path = service_path(service, "/diagnosisPointers");
  if (!list.is_array() || list.empty() || list.size() > kMaxDiagnosisPointers) {
    c.fail(path, cat({"must be an array of one to ", kMaxDiagnosisPointers,
                      " diagnosis numbers such as [1, 2]: each "
                      "the position of a code in \"diagnoses\", 1 for the first"}));
    return;
  }
  std::size_t k = 0;
  for (JsonRef p : list) {
    const bool whole = p.is_number() && std::isfinite(p.number()) && p.number() == std::floor(p.number());
    if (!whole || std::fabs(p.number()) > 1000) {
      c.fail(cat({path, "/", k}), cat({"must be a whole number from 1 to ", kMaxDiagnoses,
                                       ": the position of a code in "
                                       "\"diagnoses\""}));
      c.failed.insert(path);  // its pointers are not known: no further judgement on them
      out.diagnosis_pointers.clear();
      return;
    }
    out.diagnosis_pointers.push_back(static_cast<int>(p.number()));
    ++k;
  }
}

}  // namespace unitwise
