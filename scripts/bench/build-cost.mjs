// Figures 1 and 2: what the plugin adds to a build, over the corpus.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { megabytes } from "./corpus.mjs";
import { babel, plugin } from "./repo.mjs";
import { pluginShareOfCpu } from "./own-share.mjs";
import { median, range, sum, timed } from "./stats.mjs";

const BABEL = { babelrc: false, configFile: false, inputSourceMap: false };

// Figure 1's pipeline: preset-env for browserslist's "defaults", the targets most projects give it. (With none,
// Babel 7 compiles everything down to ES5, a baseline so slow that any plugin would look cheap beside it.)
// The options are made once, so Babel's config cache serves both variants alike, as in a real build.
const PRESETS = [["@babel/preset-env", { targets: "defaults" }]];
const PIPELINE = { without: { presets: PRESETS }, with: { presets: PRESETS, plugins: [plugin] } };

/** A plugin with the same visitor keys as `real`, each an empty function: Babel builds and walks the same visitor. */
function noOpLike(real) {
  const { visitor } = real({ assertVersion() {} }, {});
  const empty = (value) =>
    typeof value === "function" ? () => {} : Object.fromEntries(Object.keys(value).map((key) => [key, () => {}]));
  const noOpVisitor = Object.fromEntries(Object.entries(visitor).map(([key, value]) => [key, empty(value)]));
  return () => ({ name: "no-op", visitor: noOpVisitor });
}
const noOpPlugin = noOpLike(plugin);

const PROCESS_SCRIPT = fileURLToPath(new URL("build-cost-process.mjs", import.meta.url));

export const parse = (file) => babel.parseSync(file.code, { ...BABEL, sourceType: file.sourceType });

/** Babel 7's `transformSync` of one corpus file, from source text to code. */
const transform = (file, options) => babel.transformSync(file.code, { ...BABEL, sourceType: file.sourceType, ...options });

/**
 * Figures 2 and 5 time the plugin alone: the file is parsed once, untimed, and each run is transformFromAstSync
 * on a copy of that AST (cloneInputAst) that prints no code. So a run with the plugin and one with the no-op
 * plugin pay the same fixed costs (Babel's copy of the AST, its scope analysis, the traversal) and differ only
 * by the visitors' work and by the plugin's rewrites (with the code it inserts, which the traversal then visits).
 */
export function pluginPass(ast, file, pluginToRun) {
  babel.transformFromAstSync(ast, file.code, {
    ...BABEL,
    sourceType: file.sourceType,
    plugins: [pluginToRun],
    cloneInputAst: true,
    code: false,
  });
}

/**
 * Times each file `rounds` times with both variants, alternating which goes first (A B, B A, ...; B A first where
 * `flip`), after `warmup` such rounds. Returns, per file, each variant's milliseconds in every round.
 */
function alternate(corpus, { rounds, warmup, flip, prepare, variants }) {
  const timeFile = (file, count) => {
    const input = prepare(file);
    const times = { without: [], with: [] };
    for (let round = 0; round < count; round++) {
      // A B, then B A: neither variant always runs first, on caches the other has just warmed.
      for (const name of (round + flip) % 2 ? ["with", "without"] : ["without", "with"]) times[name].push(timed(() => variants[name](file, input)));
    }
    return times;
  };
  for (const file of corpus) timeFile(file, warmup);
  return corpus.map((file) => timeFile(file, rounds));
}

const FIGURES = {
  /** Figure 1: preset-env + plugin vs preset-env alone, Babel 7's transformSync from source text to code. */
  pipeline: () => {
    const pass = (options) => (file) => transform(file, options);
    return { prepare: () => null, variants: { without: pass(PIPELINE.without), with: pass(PIPELINE.with) } };
  },
  /** Figure 2: the plugin vs a no-op plugin with the same visitor keys (see pluginPass for what is timed). */
  pluginAlone: () => ({
    prepare: parse,
    variants: { without: (file, ast) => pluginPass(ast, file, noOpPlugin), with: (file, ast) => pluginPass(ast, file, plugin) },
  }),
};

/** This process's rounds of one figure (run by build-cost-process.mjs, in a process of its own). */
export function timeRounds(corpus, figure, { rounds, warmup, flip }) {
  return alternate(corpus, { rounds, warmup, flip, ...FIGURES[figure]() });
}

/**
 * The rounds of a figure, spread over `processes` fresh Node processes, one after the other. A process's engine
 * settles on its own optimizations and heap layout, which move a figure by about 2% from one process to the next:
 * the figure is the median over the rounds of several. Returns the per-file timings of all their rounds.
 */
function inFreshProcesses(corpus, figure, { rounds, warmup, processes }) {
  const dir = mkdtempSync(join(tmpdir(), "python-websocket-bench-"));
  try {
    const corpusFile = join(dir, "corpus.json");
    writeFileSync(corpusFile, JSON.stringify(corpus));
    const timings = corpus.map(() => ({ without: [], with: [] }));
    for (let index = 0; index < processes; index++) {
      const count = Math.floor(rounds / processes) + (index < rounds % processes ? 1 : 0);
      if (count === 0) continue;
      const args = [PROCESS_SCRIPT, corpusFile, figure, String(count), String(warmup), String(index % 2)];
      const output = execFileSync(process.execPath, args, { encoding: "utf8", maxBuffer: 64 << 20 });
      JSON.parse(output).forEach((times, file) => {
        timings[file].without.push(...times.without);
        timings[file].with.push(...times.with);
      });
    }
    return timings;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * With/without on the files that `keep` picks: in each round, the totals of the files' runs in that round; the
 * figures are medians over the rounds, with the range of the per-round ratios to show the noise.
 */
function compare(corpus, timings, keep) {
  const picked = timings.filter((_, i) => keep(corpus[i]));
  const mb = megabytes(corpus.filter(keep));
  const totals = (variant) => picked[0][variant].map((_, round) => sum(picked.map((times) => times[variant][round])));
  const without = totals("without");
  const withPlugin = totals("with");
  const ratios = withPlugin.map((ms, round) => ms / without[round]);
  return {
    files: picked.length,
    megabytes: mb,
    withoutMs: median(without),
    withMs: median(withPlugin),
    ratio: median(ratios),
    extraMsPerMb: median(withPlugin.map((ms, round) => (ms - without[round]) / mb)),
    roundRatios: range(ratios),
  };
}

function subsets(corpus, timings) {
  return {
    all: compare(corpus, timings, () => true),
    withApi: compare(corpus, timings, (file) => file.usesApi),
    withoutApi: compare(corpus, timings, (file) => !file.usesApi),
  };
}

/** Figure 1: preset-env + plugin vs preset-env alone. */
export function measurePipeline(corpus, { rounds, warmup, processes }) {
  return { rounds, processes, ...subsets(corpus, inFreshProcesses(corpus, "pipeline", { rounds, warmup, processes })) };
}

/** How many of the files without the API the plugin leaves exactly as Babel alone prints them (contract, point 6). */
function leftAsBabelPrintsThem(corpus) {
  const print = (file, plugins) => transform(file, { plugins }).code;
  return corpus.filter((file) => !file.usesApi && print(file, [plugin]) === print(file, [])).length;
}

/**
 * The plugin's own share of the CPU over one pass of the corpus, and of its files without the API: in the pipeline
 * of figure 1, and alone as in figure 2 (parsed beforehand, as there).
 */
export async function measureOwnShare(corpus) {
  const pipeline = (files) => () => files.forEach((file) => transform(file, PIPELINE.with));
  const alone = (files) => {
    const asts = files.map(parse);
    return () => files.forEach((file, i) => pluginPass(asts[i], file, plugin));
  };
  const withoutApi = corpus.filter((file) => !file.usesApi);
  return {
    pipeline: { all: await pluginShareOfCpu(pipeline(corpus)), withoutApi: await pluginShareOfCpu(pipeline(withoutApi)) },
    pluginAlone: { all: await pluginShareOfCpu(alone(corpus)), withoutApi: await pluginShareOfCpu(alone(withoutApi)) },
  };
}

/** Figure 2: the plugin vs a no-op plugin with the same visitor keys. */
export function measurePluginAlone(corpus, { rounds, warmup, processes }) {
  const timings = inFreshProcesses(corpus, "pluginAlone", { rounds, warmup, processes });
  const { withoutApi, ...others } = subsets(corpus, timings);
  return { rounds, processes, ...others, withoutApi: { ...withoutApi, unchanged: leftAsBabelPrintsThem(corpus) } };
}
