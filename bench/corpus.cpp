#include "corpus.h"

#include <ctime>
#include <fstream>
#include <random>

#include "unitwise/reference.h"

namespace unitwise::bench {

std::vector<std::string> make_corpus(int count) {
  const char* timed[] = {"97110", "97112", "97116", "97140", "97530", "97535", "97035"};
  const char* untimed[] = {"97161", "97150", "G0283", "92526"};
  const char* localities[] = {"national", "13202-01", "01112-05", "04412-99"};
  std::mt19937 rng(7);
  auto pick = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
  std::vector<std::string> out;
  for (int i = 0; i < count; ++i) {
    std::string v = std::string("{\"ruleSet\":\"") + (pick(0, 4) ? "cms" : "per_code") +
                    "\",\"dateOfService\":\"2026-0" + std::to_string(pick(1, 9)) + "-1" + std::to_string(pick(0, 9)) +
                    "\",\"discipline\":\"PT\",\"locality\":\"" + localities[pick(0, 3)] +
                    "\",\"ytdAllowed\":{\"PT_SLP\":" + std::to_string(pick(0, 2600)) + ",\"OT\":0},\"services\":[";
    const int n = pick(2, 4);
    for (int k = 0; k < n; ++k) {
      if (k) v += ",";
      if (pick(0, 5) == 0) {
        v += std::string("{\"code\":\"") + untimed[pick(0, 3)] + "\"}";
      } else {
        const int minutes = pick(5, 45);
        v += std::string("{\"code\":\"") + timed[(k + pick(0, 6)) % 7] + "\",\"minutes\":" + std::to_string(minutes);
        if (pick(0, 3) == 0) v += ",\"assistantMinutes\":" + std::to_string(pick(0, minutes));
        v += "}";
      }
    }
    out.push_back(v + "]}");
  }
  return out;
}

namespace {

// The date `days` after year-month-day, as YYYY-MM-DD (mktime carries day overflow into months; noon keeps DST
// changes from moving the day).
std::string iso_date_after(int year, int month, int day, int days) {
  std::tm t{};
  t.tm_year = year - 1900;
  t.tm_mon = month - 1;
  t.tm_mday = day + days;
  t.tm_hour = 12;
  std::mktime(&t);
  char buf[16];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", &t);
  return buf;
}

}  // namespace

std::vector<std::string> episode_corpus(int count, unsigned seed) {
  const char* timed[] = {"97110", "97112", "97116", "97140", "97530", "97535", "97035"};
  const char* untimed[] = {"97150", "G0283", "92526"};
  const char* localities[] = {"national", "13202-01", "01112-05", "04412-99"};
  // The year comes from the data, so the corpus follows the fee schedule when a new year's pack is built in.
  const int year = year_of(ReferenceData::builtin().tables().rvu.back().release.effective);
  std::mt19937 rng(seed);
  auto pick = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
  std::vector<std::string> out;
  for (int e = 0; e < count; ++e) {
    // Starts from January to September, so its visits (at most 65 days) stay in one calendar year.
    const int month = pick(1, 9), first_day = pick(1, 28);
    auto date = [&](int days) { return iso_date_after(year, month, first_day, days); };
    std::string text = std::string("{\"planOfCare\":{\"discipline\":\"PT\",\"start\":\"") + date(0) + "\"";
    // Some plans are certified for less than the visits span, so the recertification alert fires.
    if (pick(0, 2) == 0) text += ",\"certifiedThrough\":\"" + date(pick(20, 60)) + "\"";
    // Prior spend as ytdAllowed in the visit corpus: some episodes cross KX (and review) on the way. One pick
    // per statement: the order operands of + are evaluated in is unspecified, and the corpus must not depend on it.
    const int prior = pick(0, 2600);
    const char* rule_set = pick(0, 4) ? "cms" : "per_code";
    const char* locality = localities[pick(0, 3)];
    text += "},\"priorSpend\":{\"ptSlp\":" + std::to_string(prior) + ",\"ot\":0},\"ruleSet\":\"" + rule_set +
            "\",\"locality\":\"" + locality + "\",\"visits\":[";
    int day = 0;
    const int visits = pick(10, 14);
    for (int v = 0; v < visits; ++v) {
      if (v) day += pick(1, 5), text += ",";  // 1 to 5 days apart: two or three visits a week
      text += "{\"dateOfService\":\"" + date(day) + "\"";
      if (v == 9 && pick(0, 1)) text += ",\"progressReport\":true";
      // The first visit is the evaluation; the rest mix services as the visit corpus does.
      text += v == 0 ? ",\"services\":[{\"code\":\"97161\"}," : ",\"services\":[";
      const int n = pick(2, 4);
      for (int k = 0; k < n; ++k) {
        if (k) text += ",";
        if (pick(0, 5) == 0) {
          text += std::string("{\"code\":\"") + untimed[pick(0, 2)] + "\"}";
        } else {
          const int minutes = pick(5, 45);
          const char* code = timed[(k + pick(0, 6)) % 7];
          text += std::string("{\"code\":\"") + code + "\",\"minutes\":" + std::to_string(minutes);
          if (pick(0, 3) == 0) text += ",\"assistantMinutes\":" + std::to_string(pick(0, minutes));
          text += "}";
        }
      }
      text += "]}";
    }
    out.push_back(text + "]}");
  }
  return out;
}

std::vector<std::string> read_corpus(const std::string& path) {
  std::ifstream in(path);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

}  // namespace unitwise::bench
