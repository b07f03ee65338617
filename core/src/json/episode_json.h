// Episode JSON → an Episode (its visits through the visit parser), and an EpisodeResult → JSON.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "unitwise/episode.h"

namespace unitwise {

struct EpisodeParse {
  std::optional<Episode> episode;  // set when errors is empty
  std::vector<FieldError> errors;  // JSON pointers into the episode
};

EpisodeParse parse_episode(std::string_view json_text, const ReferenceData& data);

std::string episode_result_to_json(const EpisodeResult& result);

}  // namespace unitwise
