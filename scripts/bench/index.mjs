// npm run bench: what the plugin costs (build time, bytes, message path, scaling), printed as a markdown table and
// written as JSON.
//   --only build,bytes,messages,scaling   run only these (build = figures 1 and 2)
//   --rounds N                            timed rounds for every timed figure (defaults below)
//   --messages N                          echo messages per round of figure 4 (default 100,000)
//   --json PATH                           where the JSON goes (default bench-results.json at the repo's root)
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { measureOwnShare, measurePipeline, measurePluginAlone } from "./build-cost.mjs";
import { measureBytes } from "./bytes.mjs";
import { loadCorpus, megabytes } from "./corpus.mjs";
import { describeMachine } from "./machine.mjs";
import { measureMessageOverhead } from "./message-overhead.mjs";
import { measureMessagePath } from "./message-path.mjs";
import { REPO } from "./repo.mjs";
import { measureScaling } from "./scaling.mjs";
import { markdown, rows } from "./table.mjs";

const FIGURES = ["build", "bytes", "messages", "scaling"];
// A round's ratio varies by ±3% in figures 1 and 2 on a 2-CPU machine (the engine's GC and compiler threads share the
// two CPUs with Babel), by ±5% in figure 4: rounds enough for their medians to settle within about 1%. The full run
// takes about 25 minutes there (1,508 s in the run docs/performance.md shows, on a corpus of 7 MB).
const ROUNDS = { pipeline: 15, pluginAlone: 15, messages: 24, scaling: 5 };
// Figures 1 and 2 spread their rounds over fresh processes (see build-cost.mjs), each warmed up first.
const PROCESSES = 5;
const WARMUP = 1;

function options() {
  const { values } = parseArgs({
    options: { only: { type: "string" }, rounds: { type: "string" }, messages: { type: "string" }, json: { type: "string" } },
  });
  const only = values.only ? values.only.split(",") : FIGURES;
  const unknown = only.filter((name) => !FIGURES.includes(name));
  if (unknown.length > 0) throw new Error(`--only: unknown figure ${unknown.join(", ")} (known: ${FIGURES.join(", ")})`);
  const count = (value, name) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} wants a positive integer, not ${value}`);
    return n;
  };
  const rounds = values.rounds === undefined ? null : count(values.rounds, "rounds");
  return {
    only,
    rounds: (figure) => rounds ?? ROUNDS[figure],
    messages: values.messages === undefined ? 100_000 : count(values.messages, "messages"),
    json: resolve(REPO, values.json ?? "bench-results.json"),
  };
}

const started = performance.now();
const elapsed = () => `${((performance.now() - started) / 1000).toFixed(0)} s`;
const progress = (text) => console.error(`[bench ${elapsed()}] ${text}`);

const opts = options();
const results = { machine: describeMachine() };
const cacheDir = mkdtempSync(join(tmpdir(), "python-websocket-bench-"));
try {
  if (opts.only.includes("build")) {
    progress("compiling the corpus");
    const corpus = await loadCorpus({ cacheDir });
    results.corpus = {
      files: corpus.length,
      megabytes: megabytes(corpus),
      rapydscript: corpus.filter((file) => file.sourceType === "script").length,
      transcrypt: corpus.filter((file) => file.sourceType === "module").length,
      withoutApi: corpus.filter((file) => !file.usesApi).length,
    };
    progress("figure 1: preset-env pipeline");
    const spread = (figure) => ({ rounds: opts.rounds(figure), processes: Math.min(PROCESSES, opts.rounds(figure)), warmup: WARMUP });
    results.pipeline = measurePipeline(corpus, spread("pipeline"));
    progress("figure 2: plugin alone");
    results.pluginAlone = measurePluginAlone(corpus, spread("pluginAlone"));
    progress("figures 1 and 2: the plugin's own share of the CPU (profiled)");
    const share = await measureOwnShare(corpus);
    results.pipeline.ownShare = share.pipeline;
    results.pluginAlone.ownShare = share.pluginAlone;
  }
  if (opts.only.includes("bytes")) {
    progress("figure 3: bytes");
    results.bytes = await measureBytes({ cacheDir });
  }
  if (opts.only.includes("messages")) {
    progress("figure 4: message path");
    results.messagePath = await measureMessagePath({ rounds: opts.rounds("messages"), warmup: WARMUP, messages: opts.messages });
    progress("figure 4: the runtime's cost per message, without the network");
    results.messagePath.overhead = measureMessageOverhead({ rounds: 5 });
  }
  if (opts.only.includes("scaling")) {
    progress("figure 5: scaling");
    results.scaling = await measureScaling({ rounds: opts.rounds("scaling"), warmup: WARMUP, cacheDir });
  }
} finally {
  rmSync(cacheDir, { recursive: true, force: true });
}

results.wallSeconds = (performance.now() - started) / 1000;
results.table = rows(results);
writeFileSync(opts.json, JSON.stringify(results, null, 2) + "\n");
console.log(markdown(results));
progress(`done; JSON in ${opts.json}`);
