import type { NodePath, types as t } from "@babel/core";
import type { Binding } from "@babel/traverse";
import { staticPropertyName } from "../analysis/references.js";
import type { BrowserNameUse } from "../recognize/brython-module.js";
import { isDocumentLookup } from "../rewrite/document-names.js";
import type { Diagnostic } from "../options.js";
import type { FileDiagnostics } from "./report.js";

/** Brython's members of an element that the platform's elements lack, and what to write instead. */
const ELEMENT_ATTRIBUTES: Readonly<Record<string, string>> = {
  text: "`.textContent`",
  html: "`.innerHTML`",
};
const ELEMENT_METHODS: Readonly<Record<string, string>> = {
  select: "`.querySelectorAll(css)`",
  bind: "`.addEventListener(event, handler)`",
};

/** Transcrypt's `__le__ (elt, child)`, its form of `elt <= child` with operator overloading (`-o`). */
const TRANSCRYPT_LE = "__le__";

/**
 * Porting messages: warnings at the .py/.pyj line where a Brython idiom is not carried over, with what to write on
 * the platform (as `level`, the strict option raisingCalls, says: errors in a strict build; `# pyws: ignore` silences one). Checked in files that use the package's `browser`, before anything is rewritten:
 * - `elt <= child` as a statement (Brython adds a child; here a comparison whose value is thrown away);
 * - `.text`, `.html`, `.select(...)`, `.bind(...)` on what `document[id]` returned, directly or through a variable
 *   given it and never assigned again.
 */
export function checkPorting(diagnostics: FileDiagnostics, program: NodePath<t.Program>, names: BrowserNameUse[], level: Diagnostic): void {
  program.traverse({
    ExpressionStatement(statement) {
      const { expression } = statement.node;
      const isLe = expression.type === "BinaryExpression" && expression.operator === "<=";
      const isTranscryptLe = expression.type === "CallExpression" && expression.callee.type === "Identifier" && expression.callee.name === TRANSCRYPT_LE && expression.arguments.length === 2;
      if (isLe || isTranscryptLe) {
        diagnostics.report(
          level,
          statement,
          "porting from Brython: `elt <= child` does not add a child here: it compares, and the result is thrown away; write `elt.appendChild(child)`",
          "<=",
        );
      }
    },
  });
  for (const element of elements(names)) checkElementUse(diagnostics, element, level);
}

/**
 * What `document[id]` returned: each lookup, and each reference to a variable given one and nothing else
 * (`var el = document[id]`; RapydScript-ng's `var el; ... el = document[id];`).
 */
function elements(names: BrowserNameUse[]): NodePath[] {
  const found: NodePath[] = [];
  for (const use of names) {
    if (use.name !== "document" || !isDocumentLookup(use.path)) continue;
    const lookup = use.path.parentPath!;
    found.push(lookup);
    const binding = variableGiven(lookup);
    if (binding) found.push(...binding.referencePaths);
  }
  return found;
}

/** The variable that `value` is the only value of, if it is given to one. */
function variableGiven(value: NodePath): Binding | undefined {
  const parent = value.parentPath!;
  if (parent.isVariableDeclarator() && parent.node.init === value.node && parent.node.id.type === "Identifier") {
    const binding = parent.scope.getBinding(parent.node.id.name);
    return binding?.constant ? binding : undefined;
  }
  if (parent.isAssignmentExpression({ operator: "=" }) && parent.node.right === value.node && parent.node.left.type === "Identifier") {
    const binding = parent.scope.getBinding(parent.node.left.name);
    const declarator = binding?.path;
    const declaredEmpty = declarator?.isVariableDeclarator() && declarator.node.init == null;
    return declaredEmpty && binding!.constantViolations.length === 1 && binding!.constantViolations[0]!.node === parent.node ? binding : undefined;
  }
  return undefined;
}

function checkElementUse(diagnostics: FileDiagnostics, element: NodePath, level: Diagnostic): void {
  const member = element.parentPath!;
  if (!member.isMemberExpression() || member.node.object !== element.node) return;
  const name = staticPropertyName(member.node);
  if (name === null) return;
  const call = member.parentPath;
  const called = call.isCallExpression() && call.node.callee === member.node;
  const instead = called ? ELEMENT_METHODS[name] : ELEMENT_ATTRIBUTES[name];
  if (instead === undefined || !Object.prototype.hasOwnProperty.call(called ? ELEMENT_METHODS : ELEMENT_ATTRIBUTES, name)) return;
  diagnostics.report(level, member, `porting from Brython: an element has no \`.${name}${called ? "(...)" : ""}\` here (Brython's); write ${instead}`, name);
}
