import { existsSync, readFileSync } from "node:fs";
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { type EncodedSourceMap, originalPositionFor, sourceContentFor, TraceMap } from "@jridgewell/trace-mapping";

/** The part of Babel's File this module reads (the same on Babel 7 and 8). */
export interface BabelFile {
  opts: { filename?: string | null; cwd?: string; inputSourceMap?: unknown };
  inputMap?: { toObject(): object } | null;
  ast: { comments?: ReadonlyArray<{ value: string }> | null };
}

/** A place in a file, 1-based line and column, and the text of its line where the file can be read. */
export interface SourcePlace {
  file: string;
  line: number;
  column: number;
  text: string | null;
}

const MAP_COMMENT = /^[#@]\s*sourceMappingURL=(\S+)\s*$/;

/**
 * Where a generated position (1-based line, 0-based column) comes from in the Python source, through the input source
 * map: the one Babel loaded (Transcrypt's `.map`, RapydScript-ng's `--source-map`, a loader's map), or, where Babel
 * did not load it (Babel 8 does so only when it makes source maps), the one the file's `sourceMappingURL` names.
 * `token`, if given, is looked for on the Python line, for a column where the map has only lines (Transcrypt's).
 * Null where there is no map, or it does not cover the position.
 */
export function pythonPlace(file: BabelFile, line: number, column: number, token?: string): SourcePlace | null {
  const found = inputMap(file);
  if (!found) return null;
  const { map, dir } = found;
  const original = originalPositionFor(map, { line, column });
  if (original.source === null || original.line === null) return null;
  const path = originalFile(sourceFile(original.source, dir, file.opts.cwd ?? process.cwd()));
  const content = sourceContentFor(map, original.source) ?? readText(path);
  const lines = content?.split(/\r?\n/) ?? null;
  let pythonLine = original.line;
  let at = original.column ?? 0;
  if (token && lines !== null) {
    const text = lines[pythonLine - 1] ?? "";
    const index = text.indexOf(token, at) >= 0 ? text.indexOf(token, at) : text.indexOf(token);
    if (index >= 0) at = index;
    else pythonLine = unmappedLineWith(map, line, pythonLine, lines, token) ?? pythonLine;
    if (index < 0 && pythonLine !== original.line) at = lines[pythonLine - 1]!.indexOf(token);
  }
  return { file: path, line: pythonLine, column: at + 1, text: lines?.[pythonLine - 1] ?? null };
}

/**
 * Transcrypt maps no line to a statement that is a bare expression other than a call (`elt <= child`): its generated
 * line takes the line of the statement before. The Python line of such a statement is then the first after that one,
 * and before the next generated line's, that holds `token`.
 */
function unmappedLineWith(map: TraceMap, line: number, pythonLine: number, lines: string[], token: string): number | null {
  // The next generated line that maps to a later Python line bounds the search.
  let next: number | null = null;
  for (let after = line + 1; after <= line + 50 && next === null; after += 1) {
    const mapped = originalPositionFor(map, { line: after, column: 0 }).line;
    if (mapped !== null && mapped > pythonLine) next = mapped;
  }
  next ??= lines.length + 1;
  for (let candidate = pythonLine + 1; candidate < next; candidate += 1) if (lines[candidate - 1]!.includes(token)) return candidate;
  return null;
}

/** The input source map, and the folder its sources are relative to; parsed once per file. */
const maps = new WeakMap<BabelFile, { map: TraceMap; dir: string } | null>();

function inputMap(file: BabelFile): { map: TraceMap; dir: string } | null {
  if (!maps.has(file)) maps.set(file, readInputMap(file));
  return maps.get(file)!;
}

function readInputMap(file: BabelFile): { map: TraceMap; dir: string } | null {
  const { filename, inputSourceMap } = file.opts;
  if (inputSourceMap === false) return null;
  const fileDir = filename ? dirname(filename) : (file.opts.cwd ?? process.cwd());
  try {
    if (file.inputMap) return { map: new TraceMap(file.inputMap.toObject() as EncodedSourceMap), dir: fileDir };
    const url = [...(file.ast.comments ?? [])].reverse().map((comment) => MAP_COMMENT.exec(comment.value.trim())?.[1]).find(Boolean);
    if (!url) return null;
    const inline = /^data:application\/json[^,]*?(;base64)?,(.*)$/.exec(url);
    if (inline) {
      const json = inline[1] ? Buffer.from(inline[2]!, "base64").toString("utf8") : decodeURIComponent(inline[2]!);
      return { map: new TraceMap(json), dir: fileDir };
    }
    if (!filename) return null;
    const mapFile = resolve(fileDir, decodeURI(url));
    return { map: new TraceMap(readFileSync(mapFile, "utf8")), dir: dirname(mapFile) };
  } catch {
    // A map that cannot be read or parsed: messages point at the generated code only.
    return null;
  }
}

/**
 * A map's source, as a path: relative to the map's folder, as the format says; or, where no file is there, to the
 * working folder (RapydScript-ng writes its sources relative to where it was run).
 */
function sourceFile(source: string, mapDir: string, cwd: string): string {
  if (isAbsolute(source)) return source;
  const besideMap = resolve(mapDir, source);
  const fromCwd = resolve(cwd, source);
  return !existsSync(besideMap) && existsSync(fromCwd) ? fromCwd : besideMap;
}

/**
 * Transcrypt copies each Python module it compiles into `__target__/`, beside its map: the file the user edits is the
 * one of the same name and content in the folder above, where Transcrypt was run.
 */
function originalFile(path: string): string {
  const dir = dirname(path);
  if (basename(dir) !== "__target__") return path;
  const above = join(dirname(dir), basename(path));
  return existsSync(above) && readText(above) === readText(path) ? above : path;
}

function readText(path: string): string | null {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return null;
  }
}

/** A path as a message shows it: relative to the working folder when inside it. */
export function shownPath(path: string, cwd: string = process.cwd()): string {
  const inside = relative(cwd, path);
  return inside && !inside.startsWith(`..${sep}`) && inside !== ".." && !isAbsolute(inside) ? inside : path;
}
