// A small RFC 4180 reader that reads a CSV file as the CLI does (cli/csv/input.cpp feeds libcsv in strict
// mode one physical line at a time), so the page and `unitwise evaluate --csv` see the same rows on the same
// lines. Our own rather than papaparse: papaparse is ~7 KB gzip, the page is already over its 120 KB gzip
// budget (docs/performance.md), and its lenient quoting and line numbering differ from the CLI's, which the
// claim lines must match byte for byte. This is libcsv's state machine (csv_parse, CSV_STRICT), ~1 KB gzip:
// * quoted fields may hold commas, quotes (doubled) and line breaks; a UTF-8 BOM before the header is skipped;
// * LF, CRLF and a bare CR all end a row; blank lines and rows whose every field is empty are skipped;
// * spaces and tabs around an unquoted field (and after a closing quote) are dropped, inside quotes kept;
// * strict: a quote inside an unquoted field, or text after a closing quote, is an error for that row, and the
//   rest of its physical line is skipped; a quoted field still open at the end of the file is an error;
// * a row is named by the physical line it starts on, the header being line 1; a line ends with LF, CRLF or a CR
//   alone (old Mac exports), as the CLI counts them.
// The CLI counts a row's bytes (over 1 MiB: an unclosed quote); here UTF-16 units are counted, the same for
// ASCII.

import { MAX_RECORD_BYTES } from "./csv-format.js";

const ROW_NOT_BEGUN = 0,
  FIELD_NOT_BEGUN = 1,
  FIELD_BEGUN = 2,
  FIELD_MIGHT_HAVE_ENDED = 3;
export const QUOTING_ERROR =
  "malformed CSV quoting: a quote inside an unquoted field, or text after a closing quote " +
  "(RFC 4180: quote the whole field and double the quotes inside it)";

const hasText = (text, from, to) => {
  for (let i = from; i < to; i++) if (text[i] !== "\r" && text[i] !== "\n") return true;
  return false;
};

// Calls onRow(fields, line) for each row and onError(message, line, fieldsReadSoFar) for each unreadable one.
export function readCsv(text, onRow, onError) {
  const parser = csvParser(onRow, onError);
  parser.push(text);
  parser.end();
}

// The same reader fed in pieces (a file read as a stream): push(text) reads the complete physical lines so far and
// keeps the rest, end() reads what is left. The rows and their lines are the same however the text is cut.
export function csvParser(onRow, onError) {
  let first = true,
    rest = "";
  let line = 0,
    rowLine = 0,
    rowSize = 0,
    inRow = false;
  let state = ROW_NOT_BEGUN,
    quoted = false,
    spaces = 0,
    field = "";
  let fields = [];
  const endField = () => {
    if (!inRow) {
      // a row after a bare CR on the same line
      inRow = true;
      rowLine = line;
      rowSize = 0;
    }
    fields.push(quoted ? field : field.slice(0, field.length - spaces));
    state = FIELD_NOT_BEGUN;
    field = "";
    quoted = false;
    spaces = 0;
  };
  const endRow = () => {
    inRow = false;
    state = ROW_NOT_BEGUN;
    const row = fields;
    fields = [];
    if (row.some((f) => f !== "")) onRow(row, rowLine);
  };
  const fail = (message) => {
    onError(message, rowLine, fields);
    state = ROW_NOT_BEGUN;
    fields = [];
    field = "";
    quoted = false;
    spaces = 0;
    inRow = false;
  };

  const lineEnd = /\r\n?|\n/g;
  // Reads text's physical lines from `at`; unless `last`, a line without its end (or ending in a CR that an LF may
  // follow in the next piece) is returned unread.
  const readLines = (text, at, last) => {
    while (at < text.length) {
      lineEnd.lastIndex = at;
      const eolMatch = lineEnd.exec(text);
      if (!last && (!eolMatch || (eolMatch.index + eolMatch[0].length === text.length && eolMatch[0] === "\r")))
        return text.slice(at);
      const end = eolMatch ? eolMatch.index + eolMatch[0].length : text.length;
      line++;
      if (!inRow && hasText(text, at, end)) {
        inRow = true;
        rowLine = line;
        rowSize = 0;
      }
      if (inRow) {
        rowSize += end - at;
        if (rowSize > MAX_RECORD_BYTES) {
          fail("the row is longer than 1 MiB (an unclosed quote?)");
          at = end;
          continue;
        }
      }
      for (let i = at; i < end; i++) {
        const c = text[i];
        const space = c === " " || c === "\t";
        const eol = c === "\r" || c === "\n";
        if (state === ROW_NOT_BEGUN || state === FIELD_NOT_BEGUN) {
          if (space) continue;
          if (eol) {
            if (state === FIELD_NOT_BEGUN) {
              endField();
              endRow();
            }
          } else if (c === ",") {
            endField();
          } else if (c === '"') {
            state = FIELD_BEGUN;
            quoted = true;
          } else {
            state = FIELD_BEGUN;
            quoted = false;
            field += c;
          }
        } else if (state === FIELD_BEGUN) {
          if (c === '"') {
            if (!quoted) {
              fail(QUOTING_ERROR);
              break;
            }
            state = FIELD_MIGHT_HAVE_ENDED;
          } else if (quoted) {
            field += c;
          } else if (c === ",") {
            endField();
          } else if (eol) {
            endField();
            endRow();
          } else {
            field += c;
            spaces = space ? spaces + 1 : 0;
          }
        } else if (c === ",") {
          // FIELD_MIGHT_HAVE_ENDED: after a quote in a quoted field
          spaces = 0;
          endField();
        } else if (eol) {
          spaces = 0;
          endField();
          endRow();
        } else if (space) {
          spaces++;
        } else if (c === '"' && spaces === 0) {
          // a doubled quote
          field += '"';
          state = FIELD_BEGUN;
        } else {
          fail(QUOTING_ERROR);
          break;
        }
      }
      at = end;
    }
    return "";
  };

  return {
    push(text) {
      let at = 0;
      if (first && text.length) {
        first = false;
        at = text.charCodeAt(0) === 0xfeff ? 1 : 0;
      }
      rest = readLines(rest + text.slice(at), 0, false);
    },
    end() {
      readLines(rest, 0, true);
      rest = "";
      if (state === FIELD_BEGUN && quoted) {
        fail("malformed CSV: a quoted field is not closed before the end of the input");
      } else if (state !== ROW_NOT_BEGUN) {
        spaces = state === FIELD_MIGHT_HAVE_ENDED ? 0 : spaces;
        endField();
        endRow();
      }
    },
  };
}
