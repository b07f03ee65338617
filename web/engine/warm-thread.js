// A throwaway module worker that runs the calculator's engine once before the page does (app.js). V8 compiles a
// wasm function on its first call, in the thread that calls it; the first evaluation's functions took about
// 100 ms of the page's own thread (issue 31). The page sends the compiled Module here; what runs here is compiled
// into that Module, which the page then instantiates with the code ready.
//   in:  { module, date }   out: { ok: true } or { ok: false, message }
import { createEngine } from "../unitwise/index.js";

self.addEventListener("message", async ({ data }) => {
  try {
    const engine = await createEngine({ wasmModule: data.module });
    // What the page calls before its first result: the data listings, then a usual visit in both rule sets.
    engine.dataVersions();
    engine.catalogue();
    engine.localities(data.date);
    for (const ruleSet of /** @type {const} */ (["cms", "per_code"]))
      engine.evaluate({
        dateOfService: data.date,
        discipline: "PT",
        ruleSet,
        locality: "national",
        services: [
          { code: "97112", minutes: 24 },
          { code: "97110", minutes: 23 },
        ],
      });
    self.postMessage({ ok: true });
  } catch (error) {
    self.postMessage({ ok: false, message: String(error?.message ?? error) });
  }
});
