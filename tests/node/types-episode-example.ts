// An episode (docs/episodes.md) typed against index.d.ts: tsc --strict must accept it (types.test.mjs).
import { createEngine, type Episode, type EpisodeResult } from "unitwise";

const episode: Episode = {
  planOfCare: { discipline: "PT", start: "2026-01-05", certifiedThrough: "2026-04-04" },
  priorSpend: { ptSlp: 1500, ot: 0 },
  locality: "13202-01",
  visits: [
    { dateOfService: "2026-01-05", services: [{ code: "97161" }, { code: "97110", minutes: 30 }] },
    { dateOfService: "2026-01-07", progressReport: true, services: [{ code: "97110", minutes: 38 }] },
  ],
};

const engine = await createEngine();
const result: EpisodeResult = engine.evaluateEpisode(episode);
if (result.ok) {
  const crossed: number | null = result.kx.ptSlp.crossedAtVisit;
  const kinds: string[] = result.alerts.map((a) => `${a.visit}:${a.kind}`);
  const paid: number = result.visits[0].fee.medicarePays;
  console.log(crossed, kinds, paid);
} else {
  const paths: string[] = result.errors.map((e) => e.path);
  console.log(paths);
}
const text: string = engine.evaluateEpisodeJson(JSON.stringify(episode));
console.log(text.length);
