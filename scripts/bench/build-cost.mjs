// Figures 1 and 2: what the plugin adds to a build, over the corpus.
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
 * Times each file `rounds` times with both variants, alternating which goes first (A B, B A, ...), after `warmup` such
 * rounds on a sample of the corpus. Returns, per file, each variant's milliseconds in every round.
 */
function alternate(corpus, { rounds, warmup, prepare, variants }) {
  const timeFile = (file, count) => {
    const input = prepare(file);
    const times = { without: [], with: [] };
    for (let round = 0; round < count; round++) {
      // A B, then B A: neither variant always runs first, on caches the other has just warmed.
      for (const name of round % 2 ? ["with", "without"] : ["without", "with"]) times[name].push(timed(() => variants[name](file, input)));
    }
    return times;
  };
  for (const file of corpus.filter((_, i) => i % 5 === 0)) timeFile(file, warmup);
  return corpus.map((file) => timeFile(file, rounds));
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

/** Figure 1: preset-env + plugin vs preset-env alone, Babel 7's transformSync from source text to code. */
export function measurePipeline(corpus, { rounds, warmup }) {
  const pass = (options) => (file) => transform(file, options);
  const timings = alternate(corpus, {
    rounds,
    warmup,
    prepare: () => null,
    variants: { without: pass(PIPELINE.without), with: pass(PIPELINE.with) },
  });
  return { rounds, ...subsets(corpus, timings) };
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

/** Figure 2: the plugin vs a no-op plugin with the same visitor keys (see pluginPass for what is timed). */
export function measurePluginAlone(corpus, { rounds, warmup }) {
  const timings = alternate(corpus, {
    rounds,
    warmup,
    prepare: parse,
    variants: { without: (file, ast) => pluginPass(ast, file, noOpPlugin), with: (file, ast) => pluginPass(ast, file, plugin) },
  });
  const { withoutApi, ...others } = subsets(corpus, timings);
  return { rounds, ...others, withoutApi: { ...withoutApi, unchanged: leftAsBabelPrintsThem(corpus) } };
}
