// The machine and the tool versions the figures were measured with.
import { existsSync, readFileSync } from "node:fs";
import { availableParallelism, cpus, release, totalmem, type } from "node:os";
import { require } from "./repo.mjs";

const version = (name) => require(`${name}/package.json`).version;

function operatingSystem() {
  const osRelease = "/etc/os-release";
  const pretty = existsSync(osRelease) ? readFileSync(osRelease, "utf8").match(/^PRETTY_NAME="?([^"\n]*)"?$/m)?.[1] : undefined;
  return `${pretty ?? type()} (${type()} ${release()})`;
}

export function describeMachine() {
  return {
    cpu: cpus()[0]?.model.trim() ?? "unknown",
    cores: availableParallelism(),
    ramGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    os: operatingSystem(),
    node: process.version,
    babelCore: version("@babel/core"),
    presetEnv: version("@babel/preset-env"),
    rollup: version("rollup"),
    terser: version("terser"),
    rapydscript: version("rapydscript-ng"),
    date: new Date().toISOString(),
  };
}
