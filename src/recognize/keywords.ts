import type { types as t } from "@babel/core";
import { staticPropertyName } from "../analysis/references.js";
import { RAPYDSCRIPT_DESUGAR, TRANSCRYPT_KWARGS } from "../names.js";

/** A call's arguments as the Python side wrote them. */
export interface PythonArguments {
  positional: t.Expression[];
  /** Keyword arguments in source order; null when the call has none. */
  keywords: Array<{ name: string; value: t.Expression; node: t.Node }> | null;
}

/** The arguments are spelled out statically; anything else (`**kw`, `*args`) is "dynamic". */
export type ArgumentsShape = { kind: "static"; args: PythonArguments } | { kind: "dynamic" };

/** Keywords of an object literal `{a: 1, "b": 2}`; null if it is not that plain. */
function keywordsOf(object: t.Node): PythonArguments["keywords"] {
  if (object.type !== "ObjectExpression") return null;
  const keywords: NonNullable<PythonArguments["keywords"]> = [];
  for (const property of object.properties) {
    if (property.type !== "ObjectProperty" || property.computed) return null;
    const key = property.key;
    const name = key.type === "Identifier" ? key.name : key.type === "StringLiteral" ? key.value : null;
    if (name === null || property.value.type === "RestElement" || !isExpression(property.value)) return null;
    keywords.push({ name, value: property.value, node: property });
  }
  return keywords;
}

function isExpression(node: t.Node): node is t.Expression {
  return !node.type.endsWith("Pattern") && node.type !== "RestElement";
}

function isCallOf(node: t.Node | undefined, name: string): node is t.CallExpression {
  return node?.type === "CallExpression" && node.callee.type === "Identifier" && node.callee.name === name;
}

/** Transcrypt: `f(a, b, __kwargtrans__({k: v}))`. */
export function transcryptArguments(args: t.CallExpression["arguments"]): ArgumentsShape {
  const positional: t.Expression[] = [];
  for (const [index, arg] of args.entries()) {
    const last = index === args.length - 1;
    if (last && isCallOf(arg, TRANSCRYPT_KWARGS)) {
      const keywords = arg.arguments.length === 1 ? keywordsOf(arg.arguments[0]!) : null;
      return keywords ? { kind: "static", args: { positional, keywords } } : { kind: "dynamic" };
    }
    if (arg.type === "SpreadElement" || !isExpression(arg)) return { kind: "dynamic" };
    positional.push(arg);
  }
  return { kind: "static", args: { positional, keywords: null } };
}

/**
 * RapydScript-ng: the argument array of `ρσ_interpolate_kwargs.call(self, f, ARRAY)`:
 * `[ρσ_desugar_kwargs({k: v})]` or `[a, b].concat([ρσ_desugar_kwargs({k: v})])`.
 */
export function rapydscriptArguments(array: t.Node): ArgumentsShape {
  let positionalNodes: Array<t.Node | null> = [];
  let kwargsArray: t.Node = array;
  if (
    array.type === "CallExpression" &&
    array.callee.type === "MemberExpression" &&
    array.callee.object.type === "ArrayExpression" &&
    staticPropertyName(array.callee) === "concat" &&
    array.arguments.length === 1
  ) {
    positionalNodes = array.callee.object.elements;
    kwargsArray = array.arguments[0]!;
  }
  if (kwargsArray.type !== "ArrayExpression" || kwargsArray.elements.length === 0) return { kind: "dynamic" };
  const elements = [...positionalNodes, ...kwargsArray.elements];
  const last = elements.pop() ?? undefined;
  if (!isCallOf(last, RAPYDSCRIPT_DESUGAR) || last.arguments.length !== 1) return { kind: "dynamic" };
  const keywords = keywordsOf(last.arguments[0]!);
  if (!keywords) return { kind: "dynamic" };
  const positional: t.Expression[] = [];
  for (const element of elements) {
    if (!element || element.type === "SpreadElement" || !isExpression(element)) return { kind: "dynamic" };
    positional.push(element);
  }
  return { kind: "static", args: { positional, keywords } };
}
