// The data pack format (docs/data.md): manifest.json names each table's kind, release, effective date and
// sha256; each table is a CSV with a fixed header. Reading checks everything and names file and line.
#include "reference/pack_format.h"

namespace unitwise {

const char* pack::header(TableKind kind) {
  switch (kind) {
    case TableKind::Rvu: return "code,status,work,pe_nonfac,nonfac_pe_na,pe_fac,fac_pe_na,mp,mult_proc";
    case TableKind::ConversionFactor: return "kind,value";
    case TableKind::Gpci: return "mac,locality,state,name,work,pe,mp";
    case TableKind::Locality: return "mac,locality,state,area,counties";
    case TableKind::Mue: return "code,value,mai,rationale";
    case TableKind::Ncci: return "column1,column2,effective,deleted,modifier_indicator,rationale";
    case TableKind::Threshold: return "kind,amount";
    case TableKind::TelehealthCode: return "code,evidence";
    case TableKind::TelehealthPeriod: return "from,through,authority";
  }
  return "";
}

const char* to_string(TableKind kind) {
  switch (kind) {
    case TableKind::Rvu: return "rvu";
    case TableKind::ConversionFactor: return "conversion_factor";
    case TableKind::Gpci: return "gpci";
    case TableKind::Locality: return "locality";
    case TableKind::Mue: return "mue";
    case TableKind::Ncci: return "ncci";
    case TableKind::Threshold: return "threshold";
    case TableKind::TelehealthCode: return "telehealth_code";
    case TableKind::TelehealthPeriod: return "telehealth_period";
  }
  return "";
}

std::optional<TableKind> table_kind(std::string_view name) {
  for (TableKind k : kTableKinds) {
    if (name == to_string(k)) return k;
  }
  return std::nullopt;
}

std::string to_string(const DataError& e) {
  return e.file + (e.line > 0 ? " line " + std::to_string(e.line) : "") + ": " + e.message;
}

}  // namespace unitwise
