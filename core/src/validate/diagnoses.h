// Diagnoses and diagnosis pointers (issue 30): the ICD-10-CM codes of a visit and which of them each service
// points to. Only their form is checked: unitwise makes no medical-necessity (LCD/NCD) judgement (docs/contract.md).
#pragma once

#include <cstddef>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "unitwise/model.h"

namespace unitwise {

// A claim lists at most 12 diagnoses (NUCC 1500 Claim Form Reference Instruction Manual, item 21, A–L) and a line
// points to at most 4 of them (same manual, item 24E).
inline constexpr std::size_t kMaxDiagnoses = 12;
inline constexpr std::size_t kMaxDiagnosisPointers = 4;

// ICD-10-CM's form: a letter, a digit, a letter or digit, then up to four letters or digits, with or without the
// dot after the third character ("M54.50", "M5450"; ICD-10-CM Official Guidelines FY2026, Section I.A and I.B.1).
// Capitals only: the code is echoed as typed, so a lower-case one would go out as typed.
bool icd10cm_form_ok(std::string_view code);

// The pointers a service's lines carry: as given, or [1] when the visit has diagnoses and the service gives none.
DiagnosisPointers effective_pointers(const Visit& visit, const Service& service);

// One problem at a JSON pointer into the visit.
struct DiagnosisProblem {
  std::string path;
  std::string message;
};

// Every problem with the visit's diagnoses and its services' pointers. `reported`: paths the JSON edge already
// reported ("/diagnoses", "/services/2/diagnosisPointers"), whose consequences are not reported again.
std::vector<DiagnosisProblem> check_diagnoses(const Visit& visit, const std::set<std::string>& reported);

// Sets each line's pointers from the service (code and plan of care) it came from; nothing without diagnoses.
void attach_diagnosis_pointers(const Visit& visit, std::vector<Line>& lines);

}  // namespace unitwise
