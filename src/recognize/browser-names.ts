import type { NodePath, types as t } from "@babel/core";
import { PACKAGE_NAME } from "../names.js";

/**
 * The names Brython programs import from `browser` beside `websocket` that the platform has as they are: the package's
 * `browser` exports each as the platform's own object, and the plugin makes each reference the platform's global.
 */
export const BROWSER_NAMES: ReadonlySet<string> = new Set(["window", "document", "alert", "prompt", "confirm", "console"]);

export function isBrowserName(name: string | null): name is string {
  return name !== null && BROWSER_NAMES.has(name);
}

/**
 * The package's mark, a statement `"babel-plugin-python-websocket";` in each of its RapydScript-ng modules
 * (python/browser/__init__.pyj and websocket.pyj write it as `v'"babel-plugin-python-websocket"'`, which RapydScript-ng
 * keeps as it is): the plugin knows the package's modules by it, whatever else they export.
 */
export const PACKAGE_MARK: string = PACKAGE_NAME;

/** Whether a RapydScript-ng module's body (`function () { var __name__ = "browser"; ... }`) holds the package's mark. */
export function holdsPackageMark(body: t.Statement[]): boolean {
  return body.some((statement) => statement.type === "ExpressionStatement" && statement.expression.type === "StringLiteral" && statement.expression.value === PACKAGE_MARK);
}

/**
 * Transcrypt's renaming of attribute names that JavaScript or its runtime uses otherwise (its compiler's
 * `predef_aliases`): `console.clear()` compiles to `console.py_clear()`. On the platform's objects the plugin puts
 * the name back, so that the program reaches the platform's member.
 */
const TRANSCRYPT_ALIASES: Readonly<Record<string, string>> = {
  py_arguments: "arguments",
  py_case: "case",
  py_clear: "clear",
  py_default: "default",
  py_del: "del",
  py_enumerate: "enumerate",
  py_false: "false",
  py_get: "get",
  py_Infinity: "Infinity",
  py_is: "is",
  py_isNaN: "isNaN",
  py_iter: "iter",
  py_items: "items",
  py_keys: "keys",
  py_name: "name",
  py_NaN: "NaN",
  py_new: "new",
  py_next: "next",
  py_pop: "pop",
  py_popitem: "popitem",
  py_replace: "replace",
  py_selector: "selector",
  py_sort: "sort",
  py_split: "split",
  py_switch: "switch",
  py_metatype: "type",
  py_TypeError: "TypeError",
  py_update: "update",
  py_copy: "copy",
  py_deepcopy: "deepcopy",
  py_values: "values",
  py_fromkeys: "fromkeys",
  py_reversed: "reversed",
  py_setdefault: "setdefault",
  py_true: "true",
  py_undefined: "undefined",
};

/** The platform's name of an attribute Transcrypt renamed (`py_clear` → `clear`), or null. */
export function transcryptAttribute(member: NodePath<t.MemberExpression>): string | null {
  const { property, computed } = member.node;
  if (computed || property.type !== "Identifier" || !Object.prototype.hasOwnProperty.call(TRANSCRYPT_ALIASES, property.name)) return null;
  return TRANSCRYPT_ALIASES[property.name]!;
}
