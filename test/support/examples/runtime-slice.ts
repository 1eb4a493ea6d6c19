// What of the runtime a bundle should carry: the parts its program calls, and the functions those call, as the plugin
// itself computes them for an inlined copy; and none of the rest. Told apart by the runtime's texts (its messages).
import * as babel from "@babel/core";
import { readFileSync } from "node:fs";
import plugin from "../../../src/index.js";
import type { BabelApi } from "../../../src/context.js";
import { inlinedParts } from "../../../src/rewrite/runtime-parts.js";
import * as runtime from "../../../src/runtime/index.js";

/** Every part a rewritten file can call. */
export const ALL_PARTS = Object.keys(runtime).sort();

/** The parts the plugin's rewrite of `file` (a module Transcrypt wrote) imports from the runtime. */
export function partsCalledBy(file: string): string[] {
  const program = readFileSync(file, "utf8");
  const { code } = babel.transformSync(program, { babelrc: false, configFile: false, sourceType: "module", plugins: [plugin] })!;
  // In its runtime object, `part: _part` (imported by name), or the imported `errorClass` called.
  return ALL_PARTS.filter((part) => new RegExp(`\\b(?:${part}: _${part}|_${part}\\()`).test(code!));
}

/**
 * The runtime's own texts in `parts` and what they call: its messages (strings of 12 characters or more with a space)
 * and its symbol's key. (Not its words and fragments, such as "__kwargtrans__" or " (", which other code has too.)
 */
export function runtimeTexts(parts: string[]): Set<string> {
  const texts = new Set<string>();
  const collect = (node: unknown): void => {
    if (!node || typeof node !== "object") return;
    const { type, value } = node as { type?: string; value?: unknown };
    if (type === "StringLiteral" && typeof value === "string" && ((value.length >= 12 && value.includes(" ")) || value === "python-websocket")) texts.add(value);
    for (const [key, child] of Object.entries(node)) if (key !== "loc") collect(child);
  };
  collect(inlinedParts(babel as unknown as BabelApi, parts));
  return texts;
}
