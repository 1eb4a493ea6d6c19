// Bytes as a page gets them: minified by terser (its defaults) and gzipped (zlib level 9).
import { gzipSync } from "node:zlib";
import { minify } from "terser";

export async function shipped(code, { module }) {
  const minified = (await minify(code, { module })).code;
  return { minified: Buffer.byteLength(minified), gzip: gzipSync(minified, { level: 9 }).length };
}
