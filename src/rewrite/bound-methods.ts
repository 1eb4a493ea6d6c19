import type { NodePath, types as t } from "@babel/core";
import { isSimpleReference, staticPropertyName } from "../analysis/references.js";
import type { FileContext } from "../context.js";
import { runtimeMember } from "./runtime-binding.js";

/**
 * A handler value with each method it may yield bound to its object (`_pyws.bound(self.fast, self)`): the branches of
 * `a if c else b`, the operands of `a or b` / `a and b`, the last of a sequence. Python binds a method whatever
 * expression reads it; RapydScript-ng binds none. `named`: the method also carries the name it was read as
 * (`_pyws.bound(self.got, self, "got")`), for `unbind` to know it again where Transcrypt made a new function.
 */
export function boundMethods(context: FileContext, value: t.Expression, at: NodePath, named: boolean): t.Expression {
  const { t } = context;
  const bind = (each: t.Expression): t.Expression => boundMethods(context, each, at, named);
  switch (value.type) {
    case "ConditionalExpression":
      return t.conditionalExpression(value.test, bind(value.consequent), bind(value.alternate));
    case "LogicalExpression":
      return t.logicalExpression(value.operator, bind(value.left), bind(value.right));
    case "SequenceExpression":
      return t.sequenceExpression([...value.expressions.slice(0, -1), bind(value.expressions[value.expressions.length - 1]!)]);
    case "Identifier":
      bindAssignedMethods(context, value, at, named);
      return value;
    default: {
      const read = methodRead(value);
      if (!read) return value;
      const name = named && read.name !== null ? [t.stringLiteral(read.name)] : [];
      return t.callExpression(runtimeMember(context, "bound", at), [value, t.cloneNode(read.owner), ...name]);
    }
  }
}

/** The values given to variables already bound (a variable passed as a handler twice), and the variables being looked at. */
const boundValues = new WeakSet<t.Node>();
const looking = new WeakSet<object>();

/**
 * A handler passed as a variable of the program (`handler = self.on_close; ws.bind("close", handler)`): the method
 * reads it is given, bound where they are given (in Python, `self.on_close` is bound when it is read).
 */
function bindAssignedMethods(context: FileContext, variable: t.Identifier, at: NodePath, named: boolean): void {
  const binding = at.scope.getBinding(variable.name);
  if (!binding || (binding.kind !== "var" && binding.kind !== "let" && binding.kind !== "const") || looking.has(binding)) return;
  looking.add(binding);
  const given: Array<NodePath<t.Expression>> = [];
  if (binding.path.isVariableDeclarator() && binding.path.node.init) given.push(binding.path.get("init") as NodePath<t.Expression>);
  for (const write of binding.constantViolations) {
    if (write.isAssignmentExpression({ operator: "=" }) && write.node.left.type === "Identifier") given.push(write.get("right"));
  }
  for (const value of given) {
    if (boundValues.has(value.node)) continue;
    const replacement = boundMethods(context, value.node, value, named);
    if (replacement === value.node) continue;
    boundValues.add(replacement);
    value.replaceWith(replacement);
  }
  looking.delete(binding);
}

/**
 * A method read off its object, where that object can be evaluated again: `self.got` and `getattr(self, "got")`
 * (not `self.handlers[k]`: Python's subscription binds nothing). `name`: the attribute, where it is known.
 */
function methodRead(value: t.Node): { owner: t.Expression; name: string | null } | null {
  if (value.type === "MemberExpression" && !value.computed) {
    return isSimpleReference(value.object) ? { owner: value.object, name: staticPropertyName(value) } : null;
  }
  if (value.type === "CallExpression" && value.callee.type === "Identifier" && value.callee.name === "getattr") {
    const [owner, name] = value.arguments;
    if (!owner || !isSimpleReference(owner)) return null;
    return { owner, name: name?.type === "StringLiteral" ? name.value : null };
  }
  return null;
}
