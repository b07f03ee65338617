// The bad-input catalogue of the CSV batch (docs/batch.md): files a biller might hand `unitwise evaluate --csv`
// or the page's File view. A row case names the line and the column at fault in the errors column (exit 1);
// a file case is refused as a whole (exit 2), with what is wrong said once.

const HEADER = "visit_id,date_of_service,discipline,code,minutes,assistant_minutes";
const file = (...rows) => [HEADER, ...rows].join("\n") + "\n";
const row = (cells) => `A,2026-03-02,PT,${cells}`;

export const rowCases = [
  { name: "minutes as words", text: file(row("97110,twenty,")), error: /^line 2: minutes must be a number/ },
  { name: "fractional minutes", text: file(row("97110,12.5,")), error: /^line 2: minutes must be a whole number/ },
  { name: "negative minutes", text: file(row("97110,-5,")), error: /^line 2: minutes must be between 0 and 1440/ },
  {
    name: "minutes 1e400 (overflows a double)",
    text: file(row("97110,1e400,")),
    error: /^line 2: minutes must be a number/,
  },
  {
    name: "a day and more of minutes",
    text: file(row("97110,100000,")),
    error: /^line 2: minutes must be between 0 and 1440/,
  },
  { name: "a timed code without minutes", text: file(row("97110,,")), error: /^line 2: minutes is required/ },
  {
    name: "assistant minutes above minutes",
    text: file(row("97110,10,20")),
    error: /^line 2: assistant_minutes cannot exceed minutes/,
  },
  {
    name: "assistant minutes on an evaluation",
    text: file(row("97161,45,15")),
    error: /^line 2: assistant_minutes .*evaluation/,
  },
  { name: "a code of four digits", text: file(row("9711,10,")), error: /^line 2: code unknown code "9711"/ },
  {
    name: "a code with its modifier",
    text: file(row("97110-GP,10,")),
    error: /^line 2: code "97110-GP" has modifiers in it/,
  },
  { name: "an empty code", text: file(row(",10,")), error: /^line 2: code is required/ },
  {
    name: "a date that does not exist",
    text: file("A,2026-02-30,PT,97110,10,"),
    error: /^line 2: date_of_service must be a real calendar date/,
  },
  // Issue 29: dates as EHRs write them. M/D/YYYY and M/D/YY are read month first (the CLI's --date-order mdy, the
  // page's default); a slashed date no calendar has names its row and its text.
  {
    name: "a US date with no such day",
    text: file("A,02/30/2026,PT,97110,10,"),
    error:
      /^line 2: date_of_service "02\/30\/2026" is not a real date: read month first \(M\/D\/Y\), it would be day 30 of February 2026, which has 28 days$/,
  },
  {
    name: "a day-first date read month first",
    text: file("A,16/04/2026,PT,97110,10,"),
    error:
      /^line 2: date_of_service "16\/04\/2026" is not a real date: read month first \(M\/D\/Y\), its month would be 16$/,
  },
  {
    name: "a US date read day first",
    dateOrder: "dmy",
    text: file("A,04/16/2026,PT,97110,10,"),
    error:
      /^line 2: date_of_service "04\/16\/2026" is not a real date: read day first \(D\/M\/Y\), its month would be 16$/,
  },
  {
    name: "a two-digit year with no such day",
    text: file("A,2/29/27,PT,97110,10,"),
    error: /^line 2: date_of_service "2\/29\/27" is not a real date: .*day 29 of February 2027, which has 28 days$/,
  },
  {
    name: "a date written with dots",
    text: file("A,16.04.2026,PT,97110,10,"),
    error: /^line 2: date_of_service must be a real calendar date written YYYY-MM-DD/,
  },
  { name: "no date", text: file("A,,PT,97110,10,"), error: /^line 2: date_of_service is empty/ },
  {
    name: "a blank date on a visit's second row (not filled from its first)",
    text: file(row("97110,10,"), "A,,PT,97140,10,"),
    error: /^line 3: date_of_service is empty: every row needs its visit's date$/,
  },
  {
    name: "a discipline word no list holds",
    text: file("A,2026-03-02,Recreation Therapy,97110,10,"),
    error: /^line 2: discipline unknown value "Recreation Therapy"/,
  },
  {
    name: "two disciplines in one visit, in words",
    text: file("A,2026-03-02,Physical Therapy,97110,10,", "A,2026-03-02,Occupational Therapy,97140,10,"),
    error: /^line 3: discipline "Occupational Therapy" conflicts with "Physical Therapy" on line 2/,
  },
  { name: "no discipline", text: file("A,2026-03-02,,97110,10,"), error: /^line 2: discipline is required/ },
  { name: "an empty visit_id", text: file(",2026-03-02,PT,97110,10,"), error: /^line 2: visit_id is empty$/ },
  { name: "a short row", text: file("A,2026-03-02,PT,97110"), error: /^line 2: 4 fields, but the header has 6$/ },
  { name: "a long row", text: file(row("97110,10,,extra")), error: /^line 2: 7 fields, but the header has 6$/ },
  {
    name: "two dates in one visit",
    text: file(row("97110,10,"), "A,2026-03-03,PT,97140,10,"),
    error: /^line 3: date_of_service "2026-03-03" conflicts with "2026-03-02" on line 2/,
  },
  { name: "a quote inside an unquoted field", text: file(row('97110,1"5,')), error: /^line 2: malformed CSV quoting/ },
  {
    name: "a quote never closed",
    text: file(row('"97110,10,')),
    error: /^line 2: malformed CSV: a quoted field is not closed/,
  },
  // Issue 27: the device-supply codes' days of data, in their own column.
  {
    name: "days as words",
    text: "visit_id,date_of_service,discipline,code,minutes,assistant_minutes,days\nA,2026-03-02,PT,98977,,,ten\n",
    error: /^line 2: days must be a number of days$/,
  },
  {
    name: "more days than a 30-day period holds",
    text: "visit_id,date_of_service,discipline,code,minutes,assistant_minutes,days\nA,2026-03-02,PT,98977,,,40\n",
    error: /^line 2: days must be between 0 and 30 days$/,
  },
  {
    name: "a payer in its column",
    text: "visit_id,date_of_service,discipline,code,minutes,assistant_minutes,payer\nA,2026-03-02,PT,97110,10,,medicare\n",
    error: /^line 2: payer is not supported yet/,
  },
  {
    name: "an unknown locality",
    text: "visit_id,date_of_service,discipline,code,minutes,assistant_minutes,locality\nA,2026-03-02,PT,97110,10,,99999-99\n",
    error: /^line 2: locality /,
  },
  // CSV injection: the formula-like visit_id comes back with a leading ' (the test checks every cell).
  {
    name: "a formula as visit_id",
    text: file(
      '"=HYPERLINK(""http://x.test"",""y"")",2026-03-02,PT,97110,twenty,',
      "+cmd|' /C calc'!A0,2026-03-02,PT,97110,twenty,",
      "-2+3,2026-03-02,PT,97110,-5,",
      "@SUM(1+1),2026-03-02,PT,97110,twenty,",
      '"\tA",2026-03-02,PT,97110,twenty,',
      '"\rB",2026-03-02,PT,97110,twenty,',
      "'quoted,2026-03-02,PT,97110,twenty,",
    ),
    error: /^line 4: minutes must be between 0 and 1440/,
  },
  {
    name: "CR-only line ends (old Mac exports)",
    text: [HEADER, row("97110,10,"), row("97140,twenty,")].join("\r") + "\r",
    error: /^line 3: minutes must be a number/,
  },
  {
    name: "CRLF line ends and a quoted line break",
    text: [HEADER, '"two\r\nlines",2026-03-02,PT,97110,10,', row("97140,twenty,")].join("\r\n"),
    error: /^line 4: minutes must be a number/,
  },
  // window: `--max-open-visits` for the CLI, the same window for the page's groupVisits; only: the visit whose one
  // output row is its error (no claim line of part of it).
  {
    name: "a visit split across the file (beyond the open-visit window)",
    window: 1,
    only: "A",
    text: file(
      row("97110,10,"),
      "B,2026-03-02,PT,97112,24,",
      row("97140,10,"),
      "C,2026-03-02,PT,97112,24,",
      row("97530,10,"),
    ),
    error: /^line 2: visit_id A comes again on line 4, after 1 or more other visits began: no claim for it/,
  },
  {
    name: "101 rows for one visit",
    text: file(...Array.from({ length: 101 }, () => row("97010,,"))),
    error: /^line 102: more than 100 service rows for one visit$/,
  },
  // Diagnoses (issue 30): the visit's codes in one cell, each service's pointers in its own.
  {
    name: "a diagnosis in lower case",
    text: `${HEADER},diagnoses\nA,2026-03-02,PT,97110,20,,m54.50\n`,
    error: /^line 2: diagnoses "m54.50" is not an ICD-10-CM code/,
  },
  {
    name: "a pointer past the visit's diagnoses",
    text: `${HEADER},diagnoses,diagnosis_pointers\nA,2026-03-02,PT,97110,20,,M54.50,2\n`,
    error: /^line 2: diagnosis_pointers is 2, but the visit lists 1 diagnosis/,
  },
  {
    name: "pointers without diagnoses",
    text: `${HEADER},diagnosis_pointers\nA,2026-03-02,PT,97110,20,,1\n`,
    error: /^line 2: diagnosis_pointers /,
  },
  {
    name: "a pointer in words",
    text: `${HEADER},diagnoses,diagnosis_pointers\nA,2026-03-02,PT,97110,20,,M54.50,first\n`,
    error: /^line 2: diagnosis_pointers /,
  },
  {
    name: "two rows of a visit with different diagnoses",
    text: `${HEADER},diagnoses\nA,2026-03-02,PT,97110,20,,M54.50\nA,2026-03-02,PT,97140,10,,R26.89\n`,
    error: /^line 3: diagnoses "R26.89" conflicts with "M54.50" on line 2/,
  },
];

export const fileCases = [
  { name: "an empty file", text: "", refusal: /empty: it needs a header row/ },
  { name: "only a byte order mark", text: "\ufeff", refusal: /empty: it needs a header row/ },
  {
    name: "a header without minutes",
    text: "visit_id,date_of_service,discipline,code,assistant_minutes\nA,2026-03-02,PT,97110,\n",
    refusal: /missing column\(s\) minutes/,
  },
  { name: "a misspelt column", text: `${HEADER},localty\n`, refusal: /unknown column "localty"/ },
  { name: "a column twice", text: `${HEADER},code\n`, refusal: /column code appears twice/ },
  {
    name: "a column under two of its names",
    text: "Visit ID,DOS,Disc,CPT,Code,Mins\n",
    refusal: /column code \(as "CPT" and "Code"\) appears twice/,
  },
  {
    name: "a spreadsheet's own header",
    text: "Patient,DOS,CPT,Mins\nA,03/02/2026,97110,10\n",
    refusal: /unknown column "Patient"/,
  },
  { name: "a header with an unclosed quote", text: '"visit_id,date_of_service\n', refusal: /line 1: malformed CSV/ },
];

// Usage: a shift length (`--shift-hours H` with `--clinician-days FILE`, the File view's "Shift length" field) is a
// number of hours above 0 and at most 24 with at most two decimals. Each bad one is the CLI's usage error (exit 2,
// nothing written) and the page's field error; each good one is taken by both.
export const shiftHoursCases = {
  bad: ["0", "0.00", "abc", "-1", "+8", "24.01", "25", "100", "7.125", "8.", ".5", "1e1", "8h", " 8", "8 ", "8,5", ""],
  good: ["8", "0.5", "7.5", "7.25", "10", "24", "09", "24.00"],
};
