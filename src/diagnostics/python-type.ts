import type { NodePath, types as t } from "@babel/core";

/** Transcrypt's constructors of a tuple and a dict literal: `tuple([1, 2])`, `dict({"a": 1})`. */
const TRANSCRYPT_CONSTRUCTORS = { tuple: "ArrayExpression", dict: "ObjectExpression" } as const;

/**
 * The Python type of a literal argument (`int` for `42`, `float` for `4.5`, `tuple` for Transcrypt's `tuple([1, 2])`),
 * or null for what is not a plain literal. A Python number compiles to a JavaScript number: both transpilers keep
 * `4.5` and `42` apart in its text (RapydScript-ng writes `42.0` as `42`, as the runtime would see it too).
 * RapydScript-ng's tuples and lists are both JavaScript arrays: `list`.
 */
export function pythonTypeOf(path: NodePath, node: t.Node): string | null {
  switch (node.type) {
    case "StringLiteral":
    case "TemplateLiteral":
      return "str";
    case "NumericLiteral":
      return isFloatLiteral(node) ? "float" : "int";
    case "UnaryExpression":
      return (node.operator === "-" || node.operator === "+") && node.argument.type === "NumericLiteral" ? pythonTypeOf(path, node.argument) : null;
    case "BooleanLiteral":
      return "bool";
    case "NullLiteral":
      return "NoneType";
    case "ArrayExpression":
      return "list";
    case "ObjectExpression":
      return "dict";
    case "Identifier":
      return node.name === "undefined" && !path.scope.hasBinding("undefined") ? "NoneType" : null;
    case "CallExpression":
      return transcryptConstructed(path, node);
    default:
      return null;
  }
}

/** The value of a numeric literal, negated or not (`-5`, Transcrypt's `-(5)`); null for anything else. */
export function numericValue(node: t.Node): number | null {
  if (node.type === "NumericLiteral") return node.value;
  if (node.type === "UnaryExpression" && node.argument.type === "NumericLiteral") {
    if (node.operator === "-") return -node.argument.value;
    if (node.operator === "+") return node.argument.value;
  }
  return null;
}

function isFloatLiteral(node: t.NumericLiteral): boolean {
  const raw = (node.extra?.raw as string | undefined) ?? String(node.value);
  if (/^0[xob]/i.test(raw)) return false;
  return /[.eE]/.test(raw) || !Number.isInteger(node.value);
}

function transcryptConstructed(path: NodePath, call: t.CallExpression): string | null {
  const { callee, arguments: args } = call;
  if (callee.type !== "Identifier" || !(callee.name in TRANSCRYPT_CONSTRUCTORS) || args.length !== 1) return null;
  const name = callee.name as keyof typeof TRANSCRYPT_CONSTRUCTORS;
  // Transcrypt's own, imported from its runtime (or left free): not a function of the program's.
  const binding = path.scope.getBinding(name);
  if (binding && binding.kind !== "module") return null;
  return args[0]!.type === TRANSCRYPT_CONSTRUCTORS[name] ? name : null;
}
