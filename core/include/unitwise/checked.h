// A value, or the errors that kept it from being made: validate(), read_pack(), ReferenceData::with_packs() and
// import_cms() each return one, so a caller checks one shape everywhere and no errors are ever thrown.
#pragma once

#include <optional>
#include <vector>

namespace unitwise {

template <class T, class Error>
struct Checked {
  std::optional<T> value;     // set only when errors is empty
  std::vector<Error> errors;  // in the order they were found

  bool ok() const { return value.has_value(); }
};

}  // namespace unitwise
