// Rollup starts a module's source map from what a `load` hook returns: it does not read the file's own
// `//# sourceMappingURL=` comment. Transcrypt writes chat.map beside chat.js, pointing at chat.py;
// this hook hands it to Rollup, so that the bundle's map leads back to the Python source.
import { readFile } from "node:fs/promises";
import { dirname, join } from "node:path";

export default function transcryptSourceMaps() {
  return {
    name: "transcrypt-source-maps",
    async load(id) {
      if (!id.endsWith(".js") || id.includes("/node_modules/")) return null;
      const code = await readFile(id, "utf8");
      const file = /\/\/# sourceMappingURL=(\S+\.map)\s*$/.exec(code)?.[1];
      // Transcrypt names a map for the JavaScript modules it copies (copy.js) too, but writes none.
      const map = file && (await readFile(join(dirname(id), file), "utf8").catch(() => null));
      return map ? { code, map: JSON.parse(map) } : null;
    },
  };
}
