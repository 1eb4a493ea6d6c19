import type { NodePath, types as t } from "@babel/core";
import type { FileContext } from "../context.js";
import type { BrowserNameUse } from "../recognize/brython-module.js";
import { BROWSER_NAMES, transcryptAttribute } from "../recognize/browser-names.js";
import { runtimeMember } from "./runtime-binding.js";

/** Transcrypt's `__getitem__ (document, id)`, its form of `document[id]` with operator overloading (`-o`). */
const TRANSCRYPT_GETITEM = "__getitem__";
/** Transcrypt's variable for a method call's object under operator overloading: `__accu0__`. */
const TRANSCRYPT_ACCUMULATOR = /^__accu\d+__$/;

/**
 * The package's names the program reads (`document`, `window`, `alert`...) become the platform's own: `document`,
 * `window`... (`globalThis.document` where the file has a name of its own so called there). Brython's `document[id]`
 * becomes `_pyws.elementById(document, id)`, the element with that id or the program's KeyError. An attribute of
 * these objects that Transcrypt renamed gets its name back (`console.py_clear()` → `console.clear()`).
 * (After the module's declarations are removed: the names then reach the platform's.)
 */
export function rewriteBrowserNames(context: FileContext, names: BrowserNameUse[]): void {
  for (const use of names) {
    if (!use.path.node) continue;
    const reference = use.name === "document" ? rewriteLookup(context, use.path) : use.path;
    if (use.transcrypt) for (const object of [reference, ...transcryptAccumulator(reference)]) restoreAttributeName(context, object);
    reference.replaceWith(platformObject(context, use.name, reference));
  }
}

/** `X.py_clear` on `X`, one of these objects: `X.clear`. */
function restoreAttributeName(context: FileContext, object: NodePath): void {
  const member = object.parentPath!;
  if (!member.isMemberExpression() || member.node.object !== object.node) return;
  const name = transcryptAttribute(member);
  if (name !== null) member.get("property").replaceWith(context.t.identifier(name));
}

/**
 * Under operator overloading (`-o`), Transcrypt calls a method through a variable of its own:
 * `var __accu0__ = console; return __call__ (__accu0__.py_clear, __accu0__);`. Its references, where `reference` is
 * the value it is given.
 */
function transcryptAccumulator(reference: NodePath): NodePath[] {
  const declarator = reference.parentPath!;
  if (!declarator.isVariableDeclarator() || declarator.node.init !== reference.node || declarator.node.id.type !== "Identifier") return [];
  if (!TRANSCRYPT_ACCUMULATOR.test(declarator.node.id.name)) return [];
  const binding = declarator.scope.getBinding(declarator.node.id.name);
  return binding?.constant ? binding.referencePaths : [];
}

/** `browser`'s names, as the package `browser` used as a value has them: `window: globalThis, document: globalThis.document, ...`. */
export function browserNameProperties(context: FileContext): t.ObjectProperty[] {
  return [...BROWSER_NAMES].map((name) => context.t.objectProperty(context.t.identifier(name), globalMember(context, name)));
}

/**
 * `document[id]`, read, and Transcrypt's `__getitem__ (document, id)`: `_pyws.elementById(document, id)`. Returns the
 * document's path there, or where it was if it is no lookup.
 */
function rewriteLookup(context: FileContext, reference: NodePath<t.Expression>): NodePath<t.Expression> {
  if (!isDocumentLookup(reference)) return reference;
  const parent = reference.parentPath as NodePath<t.MemberExpression | t.CallExpression>;
  const id = parent.isMemberExpression() ? parent.node.property : (parent.node as t.CallExpression).arguments[1];
  const [call] = parent.replaceWith(context.t.callExpression(runtimeMember(context, "elementById", parent), [reference.node, id as t.Expression]));
  return call.get("arguments.0") as NodePath<t.Expression>;
}

/**
 * The sites but Brython's lookups by id, `document["send"]`, which read as a method of a socket would: the lookup is
 * rewritten as such (by rewriteBrowserNames).
 */
export function withoutDocumentLookups<S extends { path: NodePath }>(sites: S[], names: BrowserNameUse[]): S[] {
  const lookups = new Set(names.filter((use) => use.name === "document" && isDocumentLookup(use.path)).map((use) => use.path.parentPath!.node));
  return lookups.size === 0 ? sites : sites.filter((site) => !lookups.has(site.path.node));
}

/** `document[...]` and `__getitem__ (document, ...)`, Brython's lookup by id, at `reference` (the document). */
export function isDocumentLookup(reference: NodePath): boolean {
  const parent = reference.parentPath!;
  if (parent.isMemberExpression()) return parent.node.object === reference.node && parent.node.computed && !isWritten(parent);
  return parent.isCallExpression() && parent.node.arguments.length === 2 && parent.node.arguments[0] === reference.node && isTranscryptGetitem(parent);
}

function isTranscryptGetitem(call: NodePath<t.CallExpression>): boolean {
  const { callee } = call.node;
  return callee.type === "Identifier" && callee.name === TRANSCRYPT_GETITEM && call.scope.getBinding(TRANSCRYPT_GETITEM)?.kind === "module";
}

/** The platform's `name` at `at`: `document`, or `globalThis.document` where the file has a `document` of its own there. */
function platformObject(context: FileContext, name: string, at: NodePath): t.Expression {
  return at.scope.getBinding(name) ? globalMember(context, name) : context.t.identifier(name);
}

/** `globalThis.document`, and `globalThis` for `window`. */
function globalMember(context: FileContext, name: string): t.Expression {
  const { t } = context;
  return name === "window" ? t.identifier("globalThis") : t.memberExpression(t.identifier("globalThis"), t.identifier(name));
}

function isWritten(member: NodePath): boolean {
  const parent = member.parentPath!;
  return (
    (parent.isAssignmentExpression() && parent.node.left === member.node) ||
    parent.isUpdateExpression() ||
    parent.isUnaryExpression({ operator: "delete" }) ||
    ((parent.isForInStatement() || parent.isForOfStatement()) && parent.node.left === member.node)
  );
}
