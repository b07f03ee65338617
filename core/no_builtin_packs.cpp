// The pack tool makes the built-in packs, so it has none of its own.
#include "reference/embedded_files.h"

namespace unitwise {

EmbeddedSet builtin_pack_files() { return {nullptr, 0}; }

}  // namespace unitwise
