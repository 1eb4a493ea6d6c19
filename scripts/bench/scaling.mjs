// Figure 5: how the plugin's transform time grows with the input, for inputs of about 10 KB, 100 KB, 1 MB and 10 MB
// that use the API. Timed as in figure 2 (a plugin pass over a copy of the parsed AST), the plugin alone.
import { join } from "node:path";
import { parse, pluginPass } from "./build-cost.mjs";
import { REPO, compileRapydScript, plugin } from "./repo.mjs";
import { median, range, sum, timed } from "./stats.mjs";

export const SIZES = [1e4, 1e5, 1e6, 1e7];
// Small inputs are timed over several passes, so that each sample is about a second long.
const WORK_PER_SAMPLE = 1e6;

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

/** Milliseconds of one pass over `file`: the mean of enough passes over a fresh parse to make WORK_PER_SAMPLE bytes. */
function sample(file) {
  const ast = parse(file);
  const passes = Math.max(1, Math.round(WORK_PER_SAMPLE / file.bytes));
  return sum(Array.from({ length: passes }, () => timed(() => pluginPass(ast, file, plugin)))) / passes;
}

/**
 * Linear means each added MB costs the same: the ms/MB between one size and the next (the marginal cost) is
 * the same from 10 KB to 10 MB. The plain ms/MB of each size is shown too; at 10 KB it is mostly the costs a
 * file pays once (Babel's own, the inlined runtime), which the fixed cost per file gives apart.
 */
export async function measureScaling({ rounds, warmup, cacheDir }) {
  const unit = await compileRapydScript(join(REPO, "fixtures/e2e/kwargs/program.pyj"), { cacheDir, omitRuntime: true });
  const inputs = SIZES.map((size) => input(unit, size));
  // Warm-up on the two small inputs only: the large ones would take most of the run.
  for (let round = 0; round < warmup; round++) inputs.slice(0, 2).forEach(sample);
  const ms = inputs.map(() => []);
  for (let round = 0; round < rounds; round++) inputs.forEach((file, i) => ms[i].push(sample(file)));
  const sizes = inputs.map((file, i) => {
    const mb = file.bytes / 1e6;
    return { bytes: file.bytes, copies: file.copies, ms: median(ms[i]), msPerMb: median(ms[i]) / mb, rounds: range(ms[i].map((t) => t / mb)) };
  });
  const marginal = sizes.slice(1).map((size, i) => ({
    from: sizes[i].bytes,
    to: size.bytes,
    msPerMb: (size.ms - sizes[i].ms) / ((size.bytes - sizes[i].bytes) / 1e6),
  }));
  const slopes = marginal.map((step) => step.msPerMb);
  return {
    rounds,
    unitBytes: Buffer.byteLength(unit),
    sizes,
    marginal,
    fixedMsPerFile: sizes[0].ms - marginal[0].msPerMb * (sizes[0].bytes / 1e6),
    maxOverMin: Math.max(...slopes) / Math.min(...slopes),
  };
}
