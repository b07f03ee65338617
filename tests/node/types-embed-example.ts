// Compiled with tsc --strict (lib dom) against build/npm/element.d.ts and worker.d.ts: the element and the worker
// as a host app uses them.
import { createEngine, type Result, type Visit } from "unitwise";
import { UnitwiseVisitElement, parseServices, setEngine } from "unitwise/element";
import { createBatchEngine, type BatchProgress, type WorkerRequest, type WorkerResponse } from "unitwise/worker";

setEngine(createEngine({ locateFile: () => "/assets/unitwise.wasm" }));
const el = document.createElement("unitwise-visit");
const typed: UnitwiseVisitElement = el;
el.visit = { dateOfService: "2026-03-02", discipline: "PT", services: parseServices("97110:30 97161") };
el.addEventListener("unitwise-result", (event) => {
  const result: Result = event.detail;
  if (result.ok) console.log(result.lines[0].units, typed.result?.ok);
});
el.addEventListener("unitwise-error", (event) => console.error(event.detail.message));
document.body.append(el);

const batch = createBatchEngine({ workerUrl: new URL("/assets/unitwise-worker.js", location.href) });
const visits: Visit[] = [{ dateOfService: "2026-03-02", discipline: "OT", services: [{ code: "97535", minutes: 40 }] }];
const results: Result[] = await batch.evaluateMany(visits, {
  onProgress: (p: BatchProgress) => console.log(p.done / p.total),
});
// A host that lists claim lines asks for those fields alone; ok and errors always come.
const slim = await batch.evaluateMany(visits, { fields: ["lines", "edits"] });
for (const r of slim) console.log(r.ok ? r.lines.length : r.errors[0].message, r.edits.length);
batch.terminate();
console.log(results.length);

// A host that speaks the worker protocol itself.
const request: WorkerRequest = { id: 1, kind: "visits", visits };
const handle = (response: WorkerResponse): string =>
  response.type === "progress"
    ? `${response.done}/${response.total}`
    : response.type === "result"
      ? `${response.results.length} results`
      : response.message;
console.log(request, handle);
el.claimOptions = { provider: { reference: "Organization/1" } };
el.addEventListener("unitwise-result", (event) => {
  const claim = event.detail.claim;
  console.log(claim && "resourceType" in claim ? claim.use : null, el.claim);
});
