import type { NodePath } from "@babel/core";
import type { Diagnostic } from "../options.js";
import { type FileDiagnostics, IGNORE_COMMENT } from "./report.js";

/**
 * Reports code the plugin can tell will raise `exception` when it runs, as the option raisingCalls says (`level`), in
 * the words of a Python traceback: `this call raises TypeError when it runs: send() takes str or bytes, not int`.
 * It is valid Python (a program may make the call on purpose and catch what it raises): by default a warning, and the
 * code is built so that it raises that exception when it runs.
 */
export function reportRaisingCall(
  diagnostics: FileDiagnostics,
  level: Diagnostic,
  path: NodePath,
  message: string,
  exception: string,
  token?: string,
  subject = "this call",
): void {
  diagnostics.report(level, path, `${subject} raises ${exception} when it runs: ${message} (\`${IGNORE_COMMENT}\` on its line silences this)`, token);
}
