#!/usr/bin/env python3
"""Writes the test-vector tables in docs/ from tests/vectors/, or checks that they are current.

usage: vector_tables.py [--check] [--root DIR]

A table stands between `<!-- vectors:NAME begin -->` and `<!-- vectors:NAME end -->`. Its fact columns (input,
expected units, modifiers) are written from the vector files, one row per vector; its prose columns (where a case
comes from, notes) belong to the page and are kept by row id. --check writes nothing and exits 1, naming the page,
the table and the first row that differs, when a page is out of date."""
import argparse, json, pathlib, re, sys

ROOT = pathlib.Path(__file__).resolve().parent.parent

ASSISTANT = {"PT": "PTA", "OT": "OTA", "SLP": "SLPA"}


def natural(text):
    return [int(p) if p.isdigit() else p for p in re.split(r"(\d+)", text)]


def services_text(v):
    visit, parts = v["visit"], []
    for s in visit["services"]:
        own = s.get("discipline")
        name = (own + " " if own and own != visit["discipline"] else "") + s["code"]
        if "minutes" not in s:
            parts.append(name)
            continue
        helper = s.get("assistantMinutes", 0)
        if helper:
            therapist = own or visit["discipline"]
            split = [f"{therapist} {s['minutes'] - helper}"] if s["minutes"] > helper else []
            parts.append(f"{name}: " + ", ".join(split + [f"{ASSISTANT[therapist]} {helper}"]))
        else:
            parts.append(f"{name}: {s['minutes']}")
    # "PT 13, PTA 23" holds a comma, so services split between two people are set apart by semicolons
    split = any(s.get("assistantMinutes") for s in visit["services"])
    text = ("; " if split else ", ").join(parts)
    if visit["discipline"] != "PT":
        text += f"; {visit['discipline']} plan"
    for key, value in visit.get("options", {}).items():
        text += f"; `{key}: {value}`"
    return text


def units_by_code(expect):
    """The units a vector holds each code to, as one or more alternatives of [(code, units)]."""
    if "lines" in expect:
        sums = {}
        for line in expect["lines"]:
            sums[line["code"]] = sums.get(line["code"], 0) + line["units"]
        return [list(sums.items())]
    if "units" in expect:
        return [list(expect["units"].items())]
    if "unitsAnyOf" in expect:
        return [list(alt.items()) for alt in expect["unitsAnyOf"]]
    return []


def suffix(expect, total=True):
    notes = []
    if total and "totalTimedUnits" in expect:
        notes.append(f"total {expect['totalTimedUnits']}")
    notes += [f"warning `{w}`" for w in expect.get("warnings", [])]
    return f" ({'; '.join(notes)})" if notes else ""


def expected_units(v):
    alternatives = [", ".join(f"{code} ×{n}" for code, n in alt) for alt in units_by_code(v["expect"])]
    return " or ".join(alternatives) + suffix(v["expect"])


def modifiers(v):
    seen = []
    for line in v["expect"].get("lines", []):
        mods = " ".join(line["modifiers"]) or "none"
        if mods not in seen:
            seen.append(mods)
    return "; ".join(seen) or "—"


def expected_lines(v):
    lines = v["expect"].get("lines", [])
    text = ", ".join(f"{l['code']} {' '.join(l['modifiers'])} ×{l['units']}" for l in lines)
    return text + suffix(v["expect"], total=False)


def day(v):
    minutes = sum(s.get("minutes", 0) for s in v["visit"]["services"])
    units = sum(l["units"] for l in v["expect"].get("lines", []))
    return f"{minutes} min, {units} u"


def series(vectors):
    """Vectors named ID-N that each bill one code alone (T12-7, T12-8 …) read better as one row."""
    rows, groups = [], {}
    for v in vectors:
        m = re.fullmatch(r"(.+)-(\d+)", v["id"])
        if m and len(v["visit"]["services"]) == 1:
            if m.group(1) not in groups:
                groups[m.group(1)] = []
                rows.append((m.group(1), groups[m.group(1)]))
            groups[m.group(1)].append(v)
        else:
            rows.append((v["id"], [v]))
    return rows


def series_input(group):
    if len(group) == 1:
        return services_text(group[0])
    code = group[0]["visit"]["services"][0]["code"]
    return f"{code} alone at " + " / ".join(str(v["visit"]["services"][0]["minutes"]) for v in group)


def series_units(group):
    if len(group) == 1:
        return expected_units(group[0])
    return " / ".join(str(n) for v in group for _, n in units_by_code(v["expect"])[0])


def series_mods(group):
    found = {modifiers(v) for v in group}
    return found.pop() if len(found) == 1 else "; ".join(sorted(found))


def only(fn):
    return lambda group: fn(group[0])


KEEP = None  # a prose column: the page's text for the row, else the vector's own source for a new row

TABLES = {
    "units-cms": dict(
        group="units", select=lambda v: v["visit"].get("ruleSet", "cms") == "cms",
        columns=[("id", None), ("input (code: minutes)", series_input), ("expected units", series_units),
                 ("mods", series_mods), ("source (prov.)", KEEP), ("note", KEEP)]),
    "units-per-code": dict(
        group="units", select=lambda v: v["visit"].get("ruleSet") == "per_code",
        columns=[("id", None), ("input", only(services_text)), ("expected units", only(expected_units)),
                 ("source (prov.)", KEEP)]),
    "assistant-q": dict(
        group="assistant", select=lambda v: re.fullmatch(r"Q\d+", v["id"]),
        columns=[("id", None), ("input", only(services_text)), ("expected lines", only(expected_lines)),
                 ("source (prov.)", KEEP), ("engine note", KEEP)]),
    "assistant-cq": dict(
        group="assistant", select=lambda v: v["id"].startswith("CQ"),
        columns=[("vector", None), ("input", only(services_text)), ("day", only(day)),
                 ("expected lines", only(expected_lines)), ("why", KEEP), ("prov.", KEEP), ("source", KEEP)]),
}

MARKER = re.compile(r"<!-- vectors:([\w-]+) begin -->\n(.*?)<!-- vectors:\1 end -->", re.S)


def cells(row):
    return [c.strip() for c in re.split(r"(?<!\\)\|", row.strip())[1:-1]]


def kept(old_text):
    """The page's prose cells, by row id and column header."""
    rows = [cells(r) for r in old_text.splitlines() if r.startswith("|")]
    if not rows:
        return {}
    header = rows[0]
    return {r[0].strip("`"): dict(zip(header, r)) for r in rows[2:] if r}


def render(name, old_text, root):
    spec = TABLES[name]
    vectors = [json.loads(p.read_text()) for p in (root / "tests/vectors" / spec["group"]).glob("*.json")]
    # a vector given only as rawVisit text has no services to show
    vectors = sorted((v for v in vectors if "visit" in v and spec["select"](v)), key=lambda v: natural(v["id"]))
    prose = kept(old_text)
    headers = [h for h, _ in spec["columns"]]
    out = ["| " + " | ".join(headers) + " |", "|" + " --- |" * len(headers)]
    for row_id, group in series(vectors):
        row = []
        for i, (header, fn) in enumerate(spec["columns"]):
            if i == 0:
                row.append(row_id)
            elif fn is not KEEP:
                row.append(fn(group).replace("|", "\\|"))
            elif row_id in prose and header in prose[row_id]:
                row.append(prose[row_id][header])
            else:
                row.append(group[0].get("source", "") if header.startswith("source") else "")
        out.append("|" + "|".join(f" {c} " if c else " " for c in row) + "|")
    return "\n".join(out) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 if a page is out of date")
    parser.add_argument("--root", type=pathlib.Path, default=ROOT)
    args = parser.parse_args()
    stale, seen = 0, set()
    for page in sorted((args.root / "docs").glob("*.md")):
        text = page.read_text()
        def replace(m):
            nonlocal stale
            name = m.group(1)
            if name not in TABLES:
                sys.exit(f"{page.name}: no table named {name!r} (known: {', '.join(TABLES)})")
            seen.add(name)
            new = render(name, m.group(2), args.root)
            if new != m.group(2) and args.check:
                stale += 1
                old_rows, new_rows = m.group(2).splitlines(), new.splitlines()
                for n, (a, b) in enumerate(zip(old_rows + [""] * len(new_rows), new_rows + [""] * len(old_rows))):
                    if a != b:
                        ids = {(cells(r) or ["?"])[0] for r in (a, b) if r}
                        row = " / ".join(sorted(ids)) if n > 1 else "header"
                        print(f"docs/{page.name}: table {name}, row {row} (line {n + 1}) is out of date\n"
                              f"  page:    {a or '(none)'}\n  vectors: {b or '(none)'}")
                        break
            return f"<!-- vectors:{name} begin -->\n{new}<!-- vectors:{name} end -->"
        updated = MARKER.sub(replace, text)
        if updated != text and not args.check:
            page.write_text(updated)
    missing = set(TABLES) - seen
    if missing:
        sys.exit(f"no page holds the table(s) {', '.join(sorted(missing))}")
    if stale:
        print(f"{stale} table(s) out of date; run tools/vector_tables.py to rewrite them from tests/vectors/")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
