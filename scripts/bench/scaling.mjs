// Figure 5: how the plugin's transform time grows with the input, for inputs of about 10 KB, 100 KB, 1 MB and 10 MB
// that use the API. Timed as in figure 2 (a plugin pass over a copy of the parsed AST), the plugin alone.
import { join } from "node:path";
import { parse, pluginPass } from "./build-cost.mjs";
import { REPO, compileRapydScript, plugin } from "./repo.mjs";
import { median, range, sum, timed } from "./stats.mjs";

export const SIZES = [1e4, 1e5, 1e6, 1e7];
// Small inputs are timed over several passes, so that each sample is a few hundred milliseconds long.
const WORK_PER_SAMPLE = 3e5;

/**
 * `size` bytes or so of copies of one program unit: RapydScript-ng's output of fixtures/e2e/kwargs/program.pyj
 * without RapydScript-ng's runtime (4.7 KB: websocket() with keywords, handlers, send, close). That output is one
 * IIFE, so each copy is its own function scope; each copy's free ECHO_URL gets its own name, so no two are alike.
 */
function input(unit, size) {
  const copies = Math.max(1, Math.round(size / Buffer.byteLength(unit)));
  const code = Array.from({ length: copies }, (_, i) => unit.replaceAll("ECHO_URL", `ECHO_URL_${i}`)).join("\n");
  return { code, copies, bytes: Buffer.byteLength(code), sourceType: "script" };
}

/** Milliseconds per MB of one sample: enough passes over a fresh parse of `file` to make WORK_PER_SAMPLE bytes. */
function sample(file) {
  const ast = parse(file);
  const passes = Math.max(1, Math.round(WORK_PER_SAMPLE / file.bytes));
  const ms = sum(Array.from({ length: passes }, () => timed(() => pluginPass(ast, file, plugin))));
  return ms / ((passes * file.bytes) / 1e6);
}

export async function measureScaling({ rounds, warmup, cacheDir }) {
  const unit = await compileRapydScript(join(REPO, "fixtures/e2e/kwargs/program.pyj"), { cacheDir, omitRuntime: true });
  const inputs = SIZES.map((size) => input(unit, size));
  // Warm-up on the two small inputs only: the large ones would take most of the run.
  for (let round = 0; round < warmup; round++) inputs.slice(0, 2).forEach(sample);
  const msPerMb = inputs.map(() => []);
  for (let round = 0; round < rounds; round++) inputs.forEach((file, i) => msPerMb[i].push(sample(file)));
  const sizes = inputs.map((file, i) => ({ bytes: file.bytes, copies: file.copies, msPerMb: median(msPerMb[i]), rounds: range(msPerMb[i]) }));
  const spread = (picked) => Math.max(...picked.map((size) => size.msPerMb)) / Math.min(...picked.map((size) => size.msPerMb));
  // Without the smallest input, where the costs every file pays once (Babel's and the plugin's) weigh most.
  return { rounds, unitBytes: Buffer.byteLength(unit), sizes, maxOverMin: spread(sizes), maxOverMinFrom100Kb: spread(sizes.slice(1)) };
}
