// What timing ratios on a noisy machine cannot resolve: the share of the CPU that the plugin's own code takes.
// A sampling profile of the build (the same calls the timed figures make) is split by where each sample's function
// lives: in the plugin's dist/ or elsewhere (Babel, the presets, the engine). The rest of what the plugin costs is
// what its output makes Babel do (walking and printing the code it inserts).
import { Session } from "node:inspector/promises";
import { dirname } from "node:path";
import { pathToFileURL } from "node:url";
import { require } from "./repo.mjs";

const PLUGIN_URL = pathToFileURL(dirname(dirname(require.resolve("../../dist/cjs/index.js")))).href;
// Microseconds between samples: fine enough for a plugin that takes about 1% of a build.
const SAMPLING_INTERVAL = 100;

/** Percent of the profiled CPU time spent in the plugin's own functions while `work()` runs. */
export async function pluginShareOfCpu(work) {
  const session = new Session();
  session.connect();
  try {
    await session.post("Profiler.enable");
    await session.post("Profiler.setSamplingInterval", { interval: SAMPLING_INTERVAL });
    await session.post("Profiler.start");
    work();
    const { profile } = await session.post("Profiler.stop");
    const url = new Map(profile.nodes.map((node) => [node.id, node.callFrame.url]));
    let total = 0;
    let own = 0;
    profile.samples.forEach((id, i) => {
      const micros = profile.timeDeltas[i] ?? 0;
      total += micros;
      if (url.get(id).startsWith(PLUGIN_URL)) own += micros;
    });
    if (own === 0) throw new Error(`own share: no sample in ${PLUGIN_URL}; is the plugin loaded from there?`);
    return (100 * own) / total;
  } finally {
    session.disconnect();
  }
}
