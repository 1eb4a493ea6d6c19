// The figures as rows, each with its goal and whether this run meets it, and their markdown rendering.

const number = (value, digits = 0) => value.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
const times = (ratio) => `${number(ratio, 3)}×`;
const spread = ({ min, max }) => `rounds ${times(min)}–${times(max)}`;
const seconds = (ms) => `${number(ms / 1000, 2)} s`;
const bytes = (count) => `${number(count)} B`;
const kilobytes = (count) => `${number(count / 1000, 1)} KB`;
const signed = (value) => `${value < 0 ? "−" : "+"}${number(Math.abs(value))}`;
const rounds = (count) => `${count} round${count === 1 ? "" : "s"}`;
const megabytes = (mb) => (mb < 1 ? kilobytes(mb * 1e6) : `${number(mb, 2)} MB`);

const within = (limit) => ({ text: `≤ ${limit} B gzip`, pass: (value) => value <= limit });
const atMost = (limit) => ({ text: `≤ ${number(limit, 2)}×`, pass: (value) => value <= limit });
const atLeast = (limit) => ({ text: `≥ ${number(limit, 2)}×`, pass: (value) => value >= limit });

export const GOALS = {
  pipeline: atMost(1.03),
  pluginAlone: atMost(1.05),
  runtimeBytes: within(600),
  messagePath: atLeast(0.97),
  // Linear: every added MB costs about the same, from 10 KB to 10 MB (the marginal ms/MB within 1.5× of each other).
  scaling: atMost(1.5),
};

function buildCostRows(figure, name, what, goal, results) {
  const row = (subset, label, share, extra = "") => ({
    figure,
    what: label,
    goal: goal.text,
    measured:
      `**${times(subset.ratio)}** (${spread(subset.roundRatios)}); ${seconds(subset.withMs)} vs ${seconds(subset.withoutMs)}, ` +
      `${signed(subset.extraMsPerMb)} ms/MB; the plugin's own code ${number(share, 2)}% of the CPU (profiled)${extra}`,
    value: subset.ratio,
    pass: goal.pass(subset.ratio),
  });
  const { all, withoutApi } = results[name];
  const unchanged =
    withoutApi.unchanged === undefined ? "" : `; left as Babel prints them: ${withoutApi.unchanged} of ${withoutApi.files}`;
  const { ownShare } = results[name];
  return [
    row(all, `${what}, ${megabytes(all.megabytes)} in ${all.files} files (${rounds(results[name].rounds)} in ${results[name].processes} processes)`, ownShare.all),
    row(withoutApi, `…the ${withoutApi.files} files without the API (${megabytes(withoutApi.megabytes)})`, ownShare.withoutApi, unchanged),
  ];
}

function bytesRows(result) {
  const goal = GOALS.runtimeBytes;
  const row = (what, shipped, { measured = true } = {}) => ({
    figure: 3,
    what,
    goal: measured ? goal.text : "—",
    measured: `**${bytes(shipped.gzip)}** gzip (${bytes(shipped.minified)} minified)`,
    value: shipped.gzip,
    pass: measured ? goal.pass(shipped.gzip) : null,
  });
  return [
    row(`Runtime bytes, imported: the runtime's share of the seed's Rollup bundle (minus the bundle with no-op parts: ${result.seedParts.join(", ")})`, result.esmShare),
    row("…and all the plugin adds to that bundle (rewritten program vs as Transcrypt wrote it)", result.esmPage),
    row(
      `…the seed in Brython's current API (module browser.websocket, bind), its runtime's share (parts: ${result.moduleSeedParts.join(", ")})`,
      result.moduleEsmShare,
      { measured: false },
    ),
    row("…and all the plugin adds to that bundle (vs Transcrypt's, which bundles python/'s stub module)", result.moduleEsmPage, { measured: false }),
    row("…inlined: the runtime's share of the seed's classic script (minus the script with no-op parts)", result.inlinedShare),
    row("…and all the plugin adds to that script (rewritten vs Babel alone)", result.inlinedPage),
    row("…the inlined statement gzipped on its own (no page around it to share words with)", result.inlinedStatement, { measured: false }),
    row("…a program that calls every part of the runtime", result.parts.all, { measured: false }),
  ];
}

/** Rows for the figures in `results` (those that ran). */
export function rows(results) {
  const out = [];
  if (results.pipeline) {
    out.push(...buildCostRows(1, "pipeline", "Build cost in a real pipeline: preset-env + plugin vs preset-env alone", GOALS.pipeline, results));
  }
  if (results.pluginAlone) {
    out.push(...buildCostRows(2, "pluginAlone", "Build cost alone: plugin vs a no-op plugin with the same visitor keys", GOALS.pluginAlone, results));
  }
  if (results.bytes) out.push(...bytesRows(results.bytes));
  if (results.messagePath) {
    const m = results.messagePath;
    out.push({
      figure: 4,
      what: `Message path: ${number(m.messages)} echoes, ${m.window} in flight, rewritten handlers vs hand-written native (${rounds(m.rounds)})`,
      goal: GOALS.messagePath.text,
      measured:
        `**${times(m.ratio)}** (${spread(m.roundRatios)}); ${number(m.rewrittenPerSecond)} vs ${number(m.nativePerSecond)} msg/s; ` +
        `the runtime adds ${number(m.overhead.addedNsPerMessage)} ns a message (send ${number(m.overhead.runtimeSend)} vs ` +
        `${number(m.overhead.nativeSend)} ns, receive ${number(m.overhead.runtimeReceive)} vs ${number(m.overhead.nativeReceive)} ns), ` +
        `which bounds the ratio at ${times(1e9 / m.nativePerSecond / (1e9 / m.nativePerSecond + m.overhead.addedNsPerMessage))}`,
      value: m.ratio,
      pass: GOALS.messagePath.pass(m.ratio),
    });
  }
  if (results.scaling) {
    const s = results.scaling;
    out.push({
      figure: 5,
      what:
        `Scaling: plugin transform of ${s.sizes.map((size) => megabytes(size.bytes / 1e6)).join(" / ")}, ` +
        `ms per added MB from each size to the next (${rounds(s.rounds)})`,
      goal: `max/min ${GOALS.scaling.text}`,
      measured:
        `${s.marginal.map((step) => number(step.msPerMb)).join(" / ")} ms/MB: max/min **${times(s.maxOverMin)}**; ` +
        `${number(s.fixedMsPerFile, 1)} ms a file pays once; plain ms/MB ${s.sizes.map((size) => number(size.msPerMb)).join(" / ")}`,
      value: s.maxOverMin,
      pass: GOALS.scaling.pass(s.maxOverMin),
    });
  }
  return out;
}

function machineLine(m) {
  return (
    `${m.cpu}, ${m.cores} cores, ${number(m.ramGiB, 1)} GiB RAM, ${m.os}; Node ${m.node}; @babel/core ${m.babelCore}, ` +
    `@babel/preset-env ${m.presetEnv}, rollup ${m.rollup}, terser ${m.terser}, rapydscript-ng ${m.rapydscript}; ${m.date.slice(0, 10)}`
  );
}

function notes(results) {
  const lines = [];
  if (results.corpus) {
    const c = results.corpus;
    lines.push(
      `Corpus (figures 1, 2): ${c.rapydscript} RapydScript-ng full outputs (each with its ~168 KB runtime; the programs of ` +
        `fixtures/ and ${c.withoutApi} of RapydScript-ng's own test programs, which use none of the API), compiled at bench time, ` +
        `and ${c.transcrypt} committed Transcrypt modules: ${megabytes(c.megabytes)}.`,
    );
  }
  if (results.pipeline) {
    lines.push(
      'Figure 1 times Babel 7 `transformSync` from source to code (parse, transform, print), preset-env with targets "defaults". ' +
        "Each file runs both variants in every round, alternating which goes first; a round's figure is the total over the files. " +
        "The rounds of figures 1 and 2 run in several fresh Node processes, each warmed up by a round first: the engine settles " +
        "differently in each process, which moves a figure by about 2% from one to the next.",
    );
  }
  if (results.pluginAlone) {
    lines.push(
      "Figure 2 parses each file once, untimed, then times `transformFromAstSync` on a copy of that AST (`cloneInputAst`) " +
        "without printing: both variants pay the same copy, scope analysis and traversal.",
    );
  }
  if (results.bytes) {
    const b = results.bytes;
    lines.push(
      "Figure 3: terser defaults, then gzip level 9, of the seed (fixtures/e2e/seed) as Transcrypt's module bundled by Rollup " +
        "and as RapydScript-ng's classic script without its own runtime. A page gets the parts of the runtime its program " +
        "calls: what each costs is the table below.",
      `For scale: brython.js ${megabytes(b.brythonJs / 1e6)} (the issue's figure; not installed here, not measured); ` +
        `RapydScript-ng's runtime ${kilobytes(b.rapydscriptRuntime.minified)} minified, ${kilobytes(b.rapydscriptRuntime.gzip)} gzip ` +
        `(measured: its full output of the seed minus the bare one; the issue quotes 114 KB minified).`,
    );
  }
  if (results.messagePath) {
    lines.push(
      "Figure 4: one `ws` echo server on 127.0.0.1; every round is a fresh Node process (WHATWG WebSocket, " +
        "--experimental-websocket) timing from `open` to the last echo, which every program checks arrived in order.",
    );
  }
  if (results.scaling) {
    lines.push(
      `Figure 5 times the plugin's pass as figure 2 does, on copies of RapydScript-ng's output of fixtures/e2e/kwargs ` +
        `without its runtime (${kilobytes(results.scaling.unitBytes)}, one IIFE each), a classic script that gets the runtime inlined.`,
    );
  }
  return lines;
}

/** What each part of the runtime costs a program that calls it. */
function partsTable({ rows: parts }) {
  return [
    "What a program pays for each part of the runtime it calls (bundled alone, with the functions it calls; parts share those, so they do not add up):",
    "",
    "| Part | What it gives a Python program | B gzip |",
    "|---|---|---|",
    ...parts.map((part) => `| ${part.part} | ${part.purpose} | ${number(part.gzip)} |`),
  ];
}

export function markdown(results) {
  const lines = [
    `Measured on ${machineLine(results.machine)}.`,
    "Times are medians over rounds that alternate the variants (A B, B A, …) after warm-up; " +
      "“rounds a–b” is the range of the per-round ratios, which shows the noise.",
    "",
    "| # | Figure | Goal | Measured | |",
    "|---|---|---|---|---|",
    ...rows(results).map((row) => `| ${row.figure} | ${row.what} | ${row.goal} | ${row.measured} | ${row.pass === null ? "" : row.pass ? "✅" : "❌"} |`),
    "",
    ...notes(results).map((note) => `- ${note}`),
    ...(results.bytes ? ["", ...partsTable(results.bytes.parts)] : []),
  ];
  return lines.join("\n");
}
