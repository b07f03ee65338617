// Clinician shorthand and synonyms for codes, the one table the page reads them from. Each code's words
// were checked against the engine catalogue's own descriptor; a word meaning several codes ("e-stim",
// "PT eval") lists them all, so the picker offers them and the user chooses.
// 97545 (work hardening) is not in the catalogue, so no word leads to it.
const TABLE = `97110 ther ex|te|there ex|therapeutic exercise
97112 nmr|neuro re-ed|neuromuscular|neuro
97140 manual|mt|manual therapy|mobs
97116 gait
97530 ta|ther act|there act|therapeutic activities
97535 self-care|adl|adls
G0283 e-stim unattended|e-stim|estim
97032 e-stim attended|e-stim|estim
97035 us|ultrasound
97033 ionto|iontophoresis
97124 massage
97113 aquatic|pool
97150 group
97129 cognitive
97760 orthotic|splint
97761 prosthetic
97542 wheelchair|w/c
97010 hot pack|cold pack
97012 traction
97016 vaso
97018 paraffin
97022 whirlpool
95992 canalith|epley
92507 speech therapy
92526 dysphagia
97161 pt eval low|pt eval
97162 pt eval moderate|pt eval mod|pt eval
97163 pt eval high|pt eval
97164 pt re-eval
97165 ot eval low|ot eval
97166 ot eval moderate|ot eval mod|ot eval
97167 ot eval high|ot eval
97168 ot re-eval`;

// "Ther-Ex", "ther ex" and "therex" are one word to a clinician.
export const squash = (text) => text.toLowerCase().replace(/[^a-z0-9]/g, "");

const words = new Map();
for (const line of TABLE.split("\n")) {
  const [code, ...rest] = line.split(" ");
  for (const word of rest.join(" ").split("|")) {
    const key = squash(word);
    words.set(key, [...new Set([...(words.get(key) ?? []), code])]);
  }
}

// The codes a shorthand names: the exact word, then (from three letters on) words it begins.
export function shorthandCodes(text) {
  const key = squash(text);
  if (!key) return [];
  const found = [...(words.get(key) ?? [])];
  if (key.length >= 3) {
    for (const [word, codes] of words) if (word !== key && word.startsWith(key)) found.push(...codes);
  }
  return [...new Set(found)];
}

// Codes one typing slip away from the text: spaces or case ("97 110", "g0283"), a shorthand typed in
// full, or a digit dropped, doubled, swapped or mistyped ("9711", "971100", "97101"), which the engine judges
// (`near`: engine.suggestCodes, the rule its unknown-code error uses). Offered, never applied.
export function nearCodes(text, codes, near) {
  const typed = text.toUpperCase().replace(/[\s.\-–]/g, "");
  if (!typed) return [];
  if (codes.includes(typed) && typed !== text) return [typed];
  const named = words.get(squash(text));
  if (named) return named;
  return near(typed);
}

// "TherEx 33, manual 7; NMR 15", "97110 x 33", "97110: 33 min", one service a line: [{code, minutes}], or
// null when any part names no single code (then the text is pasted as it is).
export function parseServices(text, codes) {
  const parts = text
    .split(/[,;\n]+/)
    .map((p) => p.trim())
    .filter(Boolean);
  const services = [];
  for (const part of parts) {
    const m = /^(.+?)(?:(?:\s+[x×]\s*|\s*[:=]\s*|\s+)(\d{1,4})\s*(?:min(?:ute)?s?|m|')?)?$/i.exec(part);
    if (!m) return null;
    const typed = m[1].toUpperCase().replace(/\s/g, "");
    const named = codes.includes(typed) ? [typed] : (words.get(squash(m[1])) ?? []);
    if (named.length !== 1) return null;
    services.push(m[2] === undefined ? { code: named[0] } : { code: named[0], minutes: Number(m[2]) });
  }
  return services.length ? services : null;
}
