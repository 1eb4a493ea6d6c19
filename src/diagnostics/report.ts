import type { NodePath } from "@babel/core";
import { PACKAGE_NAME } from "../names.js";
import type { Diagnostic } from "../options.js";
import { type BabelFile, pythonPlace, type SourcePlace, shownPath } from "./python-source.js";

/** The comment that silences a finding, on the Python line the message points at: `# pyws: ignore`. */
export const IGNORE_COMMENT = "# pyws: ignore";
const IGNORED = /#\s*pyws:\s*ignore\b/;

/**
 * The plugin's build-time messages for one file. Each says what is wrong, then where: the line of the Python source
 * that the generated code comes from (through the input source map), and Babel's code frame of the generated code.
 * Errors are thrown, and Babel puts the generated file's name in front; warnings are printed, and say they are
 * warnings of this plugin.
 */
export interface FileDiagnostics {
  /** An error to throw at `path`. `token`: the text to point at on the Python line (e.g. the attribute's name). */
  error(path: NodePath, message: string, token?: string): Error;
  warn(path: NodePath, message: string, token?: string): void;
  /**
   * A finding, as an option says (`level`): nothing where it is "off" or where the Python line it points at carries
   * `# pyws: ignore`; else a warning, or (a strict build, "error") a thrown error.
   */
  report(level: Diagnostic, path: NodePath, message: string, token?: string): void;
}

export function fileDiagnostics(file: BabelFile): FileDiagnostics {
  const diagnostics: FileDiagnostics = {
    error: (path, message, token) => path.buildCodeFrameError(message + where(file, path, token)),
    warn(path, message, token) {
      // (buildCodeFrameError only formats the message and its code frame here.)
      console.warn(path.buildCodeFrameError(`${PACKAGE_NAME}: warning: ${message}${where(file, path, token)}`).message);
    },
    report(level, path, message, token) {
      if (level === "off" || isIgnored(file, path)) return;
      if (level === "error") throw diagnostics.error(path, message, token);
      diagnostics.warn(path, message, token);
    },
  };
  return diagnostics;
}

/** Whether the Python line `path` comes from says `# pyws: ignore` (seen only through the input source map). */
function isIgnored(file: BabelFile, path: NodePath): boolean {
  const start = path.node.loc?.start;
  const text = start ? pythonPlace(file, start.line, start.column)?.text : null;
  return !!text && IGNORED.test(text);
}

/**
 * Where, above Babel's code frame of the generated code: `  --> chat.py:12:5` and that line of the Python source with a
 * caret under the column, where the input source map covers the node; then `  --> __target__/chat.js:40:3`, the
 * generated code's place.
 */
function where(file: BabelFile, path: NodePath, token?: string): string {
  const start = path.node.loc?.start;
  const generated = `${file.opts.filename ? shownPath(file.opts.filename) : "unknown file"}${start ? `:${start.line}:${start.column + 1}` : ""}`;
  const place = start ? pythonPlace(file, start.line, start.column, token) : null;
  return `${place ? `\n  --> ${shownPath(place.file)}:${place.line}:${place.column}${excerpt(place)}` : ""}\n  --> ${generated}`;
}

function excerpt({ line, column, text }: SourcePlace): string {
  if (text === null) return "";
  const gutter = " ".repeat(String(line).length);
  // (Tabs stay tabs under the line, so that the caret lines up with the column.)
  return `\n   ${line} | ${text}\n   ${gutter} | ${text.slice(0, column - 1).replace(/[^\t]/g, " ")}^`;
}
