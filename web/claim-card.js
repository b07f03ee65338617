// The claim at a glance: units, allowed and patient-owes as large figures, one row per claim line with its
// modifier chips, the edit status and "copy as claim lines". Sticky beside the form on a desktop, a bottom
// sheet on a phone. Also the words about edits the detailed result shares: which tables were checked, MUE terms.
import { count, el, money } from "./dom.js";

const DAY = 864e5;
// CMS publishes NCCI and MUE tables every quarter: a table in force more than a quarter before the visit
// is probably not the newest, and the user should know the check may miss newer edits.
const QUARTER_DAYS = 92;
const TABLES = { ncci: "NCCI pair (PTP)", mue: "MUE" };

const tableName = (r) => (r.name.includes(r.effective) ? r.name : `${r.name} (in force from ${r.effective})`);

// "Checked against … and …." plus a plain warning for each table older than the date of service by over a quarter.
export function tablesChecked(result) {
  const used = ["ncci", "mue"].map((kind) => result.releases.filter((r) => r.kind === kind).at(-1)).filter(Boolean);
  if (!used.length) return "No NCCI or MUE table covers this date of service, so no edit was checked.";
  const dos = Date.parse(result.dateOfService);
  const old = used.map((r) => {
    const days = Math.round((dos - Date.parse(r.effective)) / DAY);
    if (r.nearest) return ` No ${TABLES[r.kind]} table covers ${result.dateOfService}; the nearest one was used.`;
    if (days <= QUARTER_DAYS) return "";
    const age = days < 730 ? count(Math.round(days / 30.4), "month") : count(Math.floor(days / 365.25), "year");
    return ` The ${TABLES[r.kind]} table took effect ${age} before this date of service; CMS updates it every quarter, ` +
           "so newer edits may be missing.";
  });
  return `Checked against ${used.map(tableName).join(" and ")}.${old.join("")}`;
}
