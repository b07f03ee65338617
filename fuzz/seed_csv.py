#!/usr/bin/env python3
"""Writes CSV seeds for the CSV batch fuzzer: seed_csv.py VECTORS_DIR OUT_DIR

One small file per shared vector, its visit's services as rows (docs/batch.md), plus a few files of the
CSV's own corners: a byte order mark, quoted fields over lines, CRLF, CR alone, ragged rows, a future column.
"""
import csv, io, json, pathlib, sys

COLUMNS = ["visit_id", "date_of_service", "discipline", "code", "minutes", "assistant_minutes", "locality", "setting"]

def cell(value):
    return "" if value is None else str(value)

src, out = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
out.mkdir(parents=True, exist_ok=True)
for path in sorted(src.rglob("*.json")):
    visit = json.loads(path.read_text(encoding="utf-8")).get("visit")
    if not isinstance(visit, dict) or not isinstance(visit.get("services"), list):
        continue
    rows = []
    for service in visit["services"]:
        if not isinstance(service, dict):
            continue
        rows.append([path.stem, cell(visit.get("dateOfService")), cell(visit.get("discipline")), cell(service.get("code")),
                     cell(service.get("minutes")), cell(service.get("assistantMinutes")), cell(visit.get("locality")),
                     cell(visit.get("setting"))])
    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\n")
    writer.writerow(COLUMNS)
    writer.writerows(rows)
    (out / f"csv-{path.parent.name}-{path.stem}.csv").write_text(text.getvalue(), encoding="utf-8")

header = ",".join(COLUMNS[:6])
corners = {
    "bom-crlf": "\ufeff" + header + "\r\nA,2026-03-02,PT,97110,20,\r\nA,2026-03-02,PT,97140,10,5\r\n",
    "quoted-over-lines": header + '\n"A","2026-03-02","PT","97110","2""0",""\n"B\nC",2026-03-02,PT,97112,24,\n',
    "ragged-and-blank": header + "\nA,2026-03-02,PT,97110\n\n,,,,,\nB,2026-03-02,OT,97530,38,38,extra\n",
    "future-columns": header + ",payer,place_of_service,distinct_service\nA,2026-03-02,PT,97110,20,,medicare,10,XU\n",
    "conflicting-visit": header + "\nA,2026-03-02,PT,97110,20,\nA,2026-03-03,OT,97530,10,\n",
    "unclosed-quote": header + '\nA,2026-03-02,PT,"97110,20,\n',
    "blank-date": header + "\nA,2026-03-02,PT,97110,20,\nA,,PT,97140,10,\nB,,OT,97530,38,\n",
    "split-visit": header + "\nA,2026-03-02,PT,97110,20,\nB,2026-03-02,PT,97110,20,\nC,2026-03-02,PT,97110,20,\n"
                   "D,2026-03-02,PT,97110,20,\nA,2026-03-02,PT,97140,10,\nE,2026-03-02,PT,97110,20,\nA,2026-03-02,PT,97530,10,\n",
    "formula-ids": header + '\n=1+1,2026-03-02,PT,97110,20,\n"+cmd|x",2026-03-02,PT,97110,20,\n-2,2026-03-02,PT,97110,x,\n'
                   '@SUM(1),2026-03-02,PT,97110,20,\n"\tA",2026-03-02,PT,97110,20,\n"\rB",2026-03-02,PT,97110,20,\n\'C,2026-03-02,PT,97110,20,\n',
    "cr-only": header + '\rA,2026-03-02,PT,97110,20,\r"B\rC",2026-03-02,PT,97110,x,\rA,2026-03-02,PT,"97140",1"0,\r',
}
for name, text in corners.items():
    (out / f"csv-{name}.csv").write_text(text, encoding="utf-8")
