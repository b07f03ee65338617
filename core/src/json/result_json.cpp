#include "json/result_json.h"

#include "base/json_writer.h"
#include "unitwise/reference.h"

namespace unitwise {
namespace {

// Keys as arrays, not const char*: JsonWriter::key copies a key written in the source without escaping it.
template <std::size_t N>
void write_money(JsonWriter& w, const char (&key)[N], Cents cents) {
  w.key(key).fixed(cents, 2);
}

template <std::size_t N>
void write_date(JsonWriter& w, const char (&key)[N], DateKey d) {
  char text[kIsoDateChars];
  write_iso_date(text, d);
  w.key(key).value(std::string_view(text, sizeof text));
}

void write_lines(JsonWriter& w, const std::vector<Line>& lines) {
  w.key("lines").begin_array();
  for (const Line& l : lines) {
    w.begin_object();
    w.key("code").value(l.code);
    w.key("discipline").value(to_string(l.discipline));
    w.key("units").value(l.units);
    w.key("modifiers").strings(l.modifiers);
    w.key("minutes").value(l.minutes);
    write_money(w, "allowed", l.allowed);
    w.key("liability").value(to_string(l.liability));
    if (l.is_denied()) w.key("denied").value(to_string(l.denied));
    if (!l.diagnosis_pointers.empty()) {  // only when the visit gives diagnoses: other results keep their bytes
      w.key("diagnosisPointers").begin_array();
      for (std::uint8_t p : l.diagnosis_pointers) w.value(static_cast<int>(p));
      w.end_array();
    }
    w.end_object();
  }
  w.end_array();
}

void write_edits(JsonWriter& w, const std::vector<Edit>& edits) {
  w.key("edits").begin_array();
  for (const Edit& e : edits) {
    w.begin_object();
    w.key("kind").value(to_string(e.kind));
    w.key("severity").value(to_string(e.severity));
    if (e.kind == EditKind::Mue) {
      w.key("code").value(e.column1);
      w.key("units").value(e.units);
      w.key("limit").value(e.limit);
      w.key("mai").value(e.mai);
      w.key("deniedUnits").value(e.denied_units);
      w.key("appeal").value(e.appeal);
    } else {
      w.key("column1").value(e.column1);
      w.key("column2").value(e.column2);
      w.key("modifierIndicator").value(e.modifier_indicator);
      w.key("modifierAllowed").value(e.modifier_allowed);
      w.key("suggestedModifiers").strings(e.suggested_modifiers);
      w.key("bypassedBy");
      if (e.bypassed_by.empty()) w.null();
      else w.value(e.bypassed_by);
      w.key("recordMustShow").value(e.record_must_show);
    }
    w.key("message").value(e.message);
    if (!e.rationale.empty()) w.key("rationale").value(e.rationale);
    w.key("source").value(e.source);
    w.end_object();
  }
  w.end_array();
}

void write_fee(JsonWriter& w, const std::optional<Fee>& fee, const std::vector<Line>& lines) {
  w.key("fee");
  if (!fee) {
    w.null();
    return;
  }
  const Fee& f = *fee;
  w.begin_object();
  w.key("payer").value(f.payer);
  w.key("year").value(f.year);
  w.key("locality").value(f.locality);
  w.key("localityName").value(f.locality_name);
  w.key("setting").value(f.setting);
  w.key("conversionFactor").fixed(f.conversion_factor, 4);
  write_money(w, "full", f.full);
  write_money(w, "mpprReduction", f.mppr);
  write_money(w, "assistantReduction", f.assistant);
  write_money(w, "allowed", f.allowed);
  write_money(w, "deductible", f.deductible);
  write_money(w, "coinsurance", f.coinsurance);
  write_money(w, "sequestration", f.sequestration);
  write_money(w, "medicarePays", f.medicare_pays);
  write_money(w, "patientOwes", f.patient_owes);
  w.key("lines").begin_array();
  for (std::size_t i = 0; i < f.lines.size(); ++i) {
    const FeeLine& l = f.lines[i];
    w.begin_object();
    w.key("code").value(lines[i].code);
    w.key("units").value(lines[i].units);
    w.key("modifiers").strings(lines[i].modifiers);
    write_money(w, "full", l.full);
    write_money(w, "mppr", l.mppr);
    write_money(w, "assistant", l.assistant);
    write_money(w, "allowed", l.allowed);
    if (lines[i].is_denied()) w.key("denied").value(to_string(lines[i].denied));
    w.end_object();
  }
  w.end_array();
  w.key("sources").strings(f.sources);
  w.end_object();
}

void write_common_tail(JsonWriter& w, const Result& r) {
  w.key("warnings").begin_array();
  for (const Warning& x : r.warnings) {
    w.begin_object().key("code").value(to_string(x.id)).key("severity").value(to_string(severity_of(x.id)));
    w.key("message").value(x.message).end_object();
  }
  w.end_array();
  w.key("errors").begin_array();
  for (const FieldError& e : r.errors)
    w.begin_object().key("path").value(e.path).key("message").value(e.message).end_object();
  w.end_array();
  w.key("ties").begin_array();
  for (const Tie& t : r.ties) {
    w.begin_object();
    w.key("discipline").value(to_string(t.discipline));
    w.key("codes").strings(t.codes);
    w.key("units").value(t.units);
    w.key("chosen").strings(t.chosen);
    w.key("alternatives").begin_array();
    for (const auto& alt : t.alternatives) w.strings(alt);
    w.end_array();
    w.end_object();
  }
  w.end_array();
  w.key("checklist").begin_array();
  for (const ChecklistItem& c : r.checklist) {
    w.begin_object().key("id").value(c.id).key("text");
    if (c.fills) w.value(checklist_text(c));
    else w.value(c.text);
    w.key("codes").strings(c.codes);
    w.key("source").value(c.source).end_object();
  }
  w.end_array();
  write_fee(w, r.fee, r.lines);
  w.key("releases").begin_array();
  for (const UsedRelease& u : r.releases) {
    w.begin_object().key("kind").value(to_string(u.release->kind)).key("name").value(u.release->name);
    write_date(w, "effective", u.release->effective);
    w.key("pack").value(u.release->pack);
    w.key("nearest").value(u.nearest);
    if (u.newer_due != 0) write_date(w, "newerDue", u.newer_due);
    w.end_object();
  }
  w.end_array();
  w.key("trace").begin_array();
  for (const TraceEntry& t : r.trace) {
    w.begin_object().key("rule").value(to_string(t.rule)).key("topic").value(to_string(topic_of(t.rule)));
    w.key("code").value(t.code).key("text").value(t.text);
    w.key("source").value(t.source).end_object();
  }
  w.end_array();
}

}  // namespace

std::string result_to_json(const Result& r, const Date& d) {
  JsonWriter w;
  w.reserve(16384);  // a full result with trace and checklist: 9 KB on average, rarely over 16 KB
  w.begin_object();
  w.key("ok").value(r.ok);
  w.key("ruleSet").value(to_string(r.rule_set));
  write_date(w, "dateOfService", date_key(d));
  w.key("totalTimedMinutes").value(r.total_timed_minutes);
  w.key("totalTimedUnits").value(r.total_timed_units);
  write_lines(w, r.lines);
  write_edits(w, r.edits);
  write_common_tail(w, r);
  w.end_object();
  return w.take();
}

std::string errors_to_json(const std::vector<FieldError>& errors) {
  Result r;
  r.errors = errors;
  JsonWriter w;
  w.begin_object();
  w.key("ok").value(false);
  write_lines(w, r.lines);
  write_edits(w, r.edits);
  write_common_tail(w, r);
  w.end_object();
  return w.take();
}

}  // namespace unitwise
