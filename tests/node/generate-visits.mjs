// Seeded random visits (valid and invalid) for differential and benchmark runs.
// Same seed → same visits, so a failure names a reproducible case.

export function prng(seed) {
  let s = seed >>> 0;
  return () => {
    // mulberry32
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TIMED = ["97110", "97112", "97116", "97140", "97530", "97535", "97035", "97032", "97750", "97129"];
const UNTIMED = ["97161", "97164", "97165", "97150", "G0283", "97010", "97014", "92507", "92526", "97012"];
const LOCALITIES = ["national", "13202-01", "01112-05", "04412-99", "10112-00", "06302-00"];

export function generateVisits(count, seed = 1) {
  const rand = prng(seed);
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const int = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));
  const visits = [];
  for (let i = 0; i < count; i++) {
    const discipline = pick(["PT", "PT", "OT", "SLP"]);
    const services = [];
    for (let n = int(1, 5); n > 0; n--) {
      const timed = rand() < 0.75;
      const code = pick(timed ? TIMED : UNTIMED);
      const minutes = int(0, 70);
      const service = { code, minutes };
      if (rand() < 0.3) service.assistantMinutes = int(0, minutes);
      if (rand() < 0.15) service.discipline = pick(["PT", "OT"]);
      services.push(service);
    }
    const visit = {
      ruleSet: rand() < 0.8 ? "cms" : "per_code",
      dateOfService: `${pick(["2025", "2026"])}-0${int(1, 9)}-1${int(0, 9)}`,
      discipline,
      locality: pick(LOCALITIES),
      services,
      ytdAllowed: { PT_SLP: int(0, 3200), OT: int(0, 3200) },
      deductibleRemaining: pick([0, 0, 50, 283]),
    };
    if (rand() < 0.1) visit.options = { tiePreference: [pick(TIMED)], deMinimisBase: pick(["fifteen", "unit"]) };
    if (rand() < 0.08) services[0].minutes = pick([-3, 12.5, "12", 5000, null]); // invalid on purpose
    visits.push(visit);
  }
  return visits;
}
