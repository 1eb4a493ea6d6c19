/* eslint-disable no-var */
import { raise } from "./errors.js";
import type { FileRuntime } from "./types.js";

/*
 * The runtime's part for Brython's `document`, under the rules of parts.ts (ES5, self-contained: it refers only to its
 * parameters, `this` and the other parts).
 */

/**
 * Brython's `document[id]`: the element with that id, else the program's KeyError (`except KeyError` catches it), as
 * Brython raises.
 */
export function elementById(this: FileRuntime, document: Document, id: string): Element {
  var element = document.getElementById(id);
  if (element === null) raise(this, "KeyError", "no element with id '" + id + "'");
  return element!;
}
