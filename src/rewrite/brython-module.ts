import type { NodePath, types as t } from "@babel/core";
import type { FileContext } from "../context.js";
import type { ModuleUses } from "../recognize/brython-module.js";
import { browserNameProperties } from "./document-names.js";
import { hasWebSocket } from "./free-names.js";
import { runtimeMember } from "./runtime-binding.js";

/**
 * What of Brython's module `browser.websocket` is not a socket factory call (those are rewritten as `websocket(url)`):
 * - `supported` → `typeof WebSocket === "function"`, as `__BRYTHON__.has_websocket`;
 * - the module as a value → `_pyws.websocketModule()`, its `supported` and `WebSocket` with the file's semantics;
 * - the package `browser` as a value → `{ websocket: _pyws.websocketModule(), window: globalThis, document: globalThis.document, ... }`.
 */
export function rewriteModuleReads(context: FileContext, uses: ModuleUses): void {
  const { t } = context;
  for (const read of uses.supported) read.replaceWith(hasWebSocket(context, read));
  for (const value of uses.values) value.replaceWith(websocketModule(context, value));
  for (const value of uses.packageValues) {
    value.replaceWith(t.objectExpression([t.objectProperty(t.identifier("websocket"), websocketModule(context, value)), ...browserNameProperties(context)]));
  }
}

/**
 * What bound the module's names goes (imports, `var`s, Transcrypt's `__nest__`), and so does RapydScript-ng's inlined
 * copy of the modules: the page ships none of their code. (Before the reads are rewritten: `new WebSocket` must then
 * reach the platform's, which a Transcrypt `import {WebSocket}` or a RapydScript-ng `var WebSocket` shadowed.)
 */
export function removeModuleDeclarations(uses: ModuleUses): void {
  for (const declaration of [...uses.declarations, ...uses.stub]) {
    if (declaration.node) declaration.remove();
  }
  const imports = new Set(uses.declarations.map((declaration) => declaration.parentPath).filter((parent) => parent?.isImportDeclaration()));
  for (const declaration of imports) if (declaration?.node && (declaration.node as t.ImportDeclaration).specifiers.length === 0) declaration.remove();
}

function websocketModule(context: FileContext, at: NodePath): t.Expression {
  return context.t.callExpression(runtimeMember(context, "websocketModule", at), []);
}
