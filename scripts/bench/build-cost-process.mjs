// One process's rounds of figure 1 or 2: `node build-cost-process.mjs <corpus.json> <pipeline|pluginAlone> <rounds>
// <warmup> <flip>` prints each file's timings as JSON (see timeRounds in build-cost.mjs).
import { readFileSync } from "node:fs";
import { timeRounds } from "./build-cost.mjs";

const [corpusFile, figure, rounds, warmup, flip] = process.argv.slice(2);
const corpus = JSON.parse(readFileSync(corpusFile, "utf8"));
const timings = timeRounds(corpus, figure, { rounds: Number(rounds), warmup: Number(warmup), flip: Number(flip) });
process.stdout.write(JSON.stringify(timings));
