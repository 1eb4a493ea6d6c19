import type { NodePath, types as t } from "@babel/core";
import { BRYTHON, COMMONJS_NAMES, WEBSOCKET } from "./names.js";
import { type FileSites, visitNode } from "./sites.js";

/** The free names that make a file one that uses the API. */
const API_GLOBALS = [WEBSOCKET, BRYTHON];
/**
 * Text a file must hold to assign a handler (`ws.on_open = f`, `ws["on_open"] = f`), or an escape, which may
 * spell one (`ws["on\x5fopen"]`, `ws.on\u005fopen`).
 */
const HANDLER_TEXT = /on_(?:open|error|message|close)|\\[xu]/;
/**
 * Text every site holds within its own source: the names of interest (websocket, __BRYTHON__, the classes the
 * runtime defines, RapydScript-ng's module table), `send`/`close`/`bind`/`unbind`, a handler-like attribute
 * (`on_message`, `onmessage`, `on_mesage`), or an escape, which may spell any of them. (An import's source,
 * `'./browser.websocket.js'`, holds `websocket`.)
 */
const SITE_TEXT = /\b(?:websocket|__BRYTHON__|NotImplementedError|ConnectionError|send|close|bind|unbind)\b|ρσ_modules\b|\bon_?[a-z]|\\[xu]|\/browser\.js\b/g;

/**
 * Text of a file that binds or unbinds handlers: its `bind`s and `unbind`s get methods bound with their names, so that
 * `unbind(evt, self.got)` knows `self.got` again where Transcrypt made a new function at each read, whichever module
 * bound it.
 */
const EVENT_METHOD_TEXT = /\b(?:un)?bind\b/;

/**
 * Text a file must hold to use Brython's module `browser.websocket` or the package's other names: Transcrypt's import
 * of `./browser.websocket.js` or `./browser.js`, RapydScript-ng's `ρσ_modules["browser.websocket"]` and `ρσ_modules.browser`.
 */
const MODULE_TEXT = /browser\.websocket|ρσ_modules\.browser|\/browser\.js\b/;

/**
 * Whether the file can use the API at all: it has a free `websocket` or `__BRYTHON__` (Babel's scope has seen every
 * reference), or its source holds a handler's name, the module's, `bind` or `unbind`. Most files of a build do not,
 * and cost nothing more.
 */
export function mayUseApi(program: NodePath<t.Program>, code: string): boolean {
  if (API_GLOBALS.some((name) => program.scope.hasGlobal(name)) || !code) return true;
  return HANDLER_TEXT.test(code) || MODULE_TEXT.test(code) || EVENT_METHOD_TEXT.test(code);
}

/**
 * The places the rewrite may change, in source order. The AST is walked as plain objects, and a path is made only
 * for a node that may be a site: a Babel visitor on Identifier would make Babel create a path for every identifier
 * of the file, which costs more than all the rest of this plugin in a preset-env build. Where the file's source is
 * known, the walk enters only nodes whose source holds some site's text: in RapydScript-ng's full output, that
 * leaves out most of its 168 KB runtime. (Nodes with no position, made by a plugin before this one, are entered.)
 */
export function collectSites(types: typeof t, program: NodePath<t.Program>, code: string): FileSites {
  const commonjs = [...COMMONJS_NAMES].some((name) => program.scope.hasGlobal(name));
  const file: FileSites = { sites: [], usesApi: false, commonjs };
  const holdsSiteText = siteTextFinder(code);
  const keys: Array<string | number> = [];
  const pathOf = pathMaker(program, keys);
  const walk = (node: t.Node): void => {
    if (!visitNode(node, pathOf, file)) return;
    for (const key of types.VISITOR_KEYS[node.type] ?? []) {
      const child = (node as unknown as Record<string, t.Node | Array<t.Node | null> | null | undefined>)[key];
      if (!child) continue;
      keys.push(key);
      if (Array.isArray(child)) {
        for (let index = 0; index < child.length; index += 1) {
          const each = child[index];
          if (!each || !holdsSiteText(each)) continue;
          keys.push(index);
          walk(each);
          keys.pop();
        }
      } else if (holdsSiteText(child)) {
        walk(child);
      }
      keys.pop();
    }
  };
  walk(program.node);
  return file;
}

/** Whether a node's source holds some site's text, by a binary search of where that text is in `code`. */
function siteTextFinder(code: string): (node: t.Node) => boolean {
  if (!code) return () => true;
  const at = Array.from(code.matchAll(SITE_TEXT), (match) => match.index);
  return (node) => {
    const { start, end } = node;
    if (start == null || end == null) return true;
    let low = 0;
    let high = at.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (at[middle]! < start) low = middle + 1;
      else high = middle;
    }
    return low < at.length && at[low]! < end;
  };
}

/**
 * The path of the node at `keys` from the program. Paths made on the way are kept: Babel makes all the paths of a
 * list at once, so a long list (RapydScript-ng's IIFE body) has its paths made once for all the sites under it.
 */
function pathMaker(program: NodePath<t.Program>, keys: Array<string | number>): <T extends t.Node>() => NodePath<T> {
  const made = new Map<string, NodePath | NodePath[]>();
  return <T extends t.Node>() => {
    let path: NodePath | NodePath[] = program;
    let prefix = "";
    for (const key of keys) {
      prefix += `.${key}`;
      let next = made.get(prefix);
      if (!next) {
        // get() by a plain string: NodePath<t.Node>'s generic get() costs tsc some 10 s to type here.
        next = Array.isArray(path) ? path[key as number]! : (path as { get(key: string): NodePath | NodePath[] }).get(key as string);
        made.set(prefix, next);
      }
      path = next;
    }
    return path as NodePath<T>;
  };
}
