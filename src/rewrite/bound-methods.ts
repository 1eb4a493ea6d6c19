import type { NodePath, types as t } from "@babel/core";
import type { FileContext } from "../context.js";
import { runtimeMember } from "./runtime-binding.js";

/**
 * A handler value with each method it may yield bound to its object (`_pyws.bound(self, "fast")`): the branches of
 * `a if c else b`, the operands of `a or b` / `a and b`, the last of a sequence. Python binds a method whatever
 * expression reads it; RapydScript-ng binds none. The bound method carries the name it was read as, for `unbind` to
 * know it again where Transcrypt made a new function.
 */
export function boundMethods(context: FileContext, value: t.Expression, at: NodePath): t.Expression {
  const { t } = context;
  const bind = (each: t.Expression): t.Expression => boundMethods(context, each, at);
  switch (value.type) {
    case "ConditionalExpression":
      return t.conditionalExpression(value.test, bind(value.consequent), bind(value.alternate));
    case "LogicalExpression":
      return t.logicalExpression(value.operator, bind(value.left), bind(value.right));
    case "SequenceExpression":
      return t.sequenceExpression([...value.expressions.slice(0, -1), bind(value.expressions[value.expressions.length - 1]!)]);
    case "Identifier":
      bindAssignedMethods(context, value, at);
      return value;
    default: {
      const read = methodRead(value);
      if (!read) return value;
      const name = typeof read.name === "string" ? t.stringLiteral(read.name) : read.name;
      return t.callExpression(runtimeMember(context, "bound", at), [read.owner, name]);
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
function bindAssignedMethods(context: FileContext, variable: t.Identifier, at: NodePath): void {
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
    const replacement = boundMethods(context, value.node, value);
    if (replacement === value.node) continue;
    boundValues.add(replacement);
    value.replaceWith(replacement);
  }
  looking.delete(binding);
}

/**
 * A method read off its object: `self.got`, `peers[0].opened`, `peer_of(1).opened`, `index["x"].got` (an attribute
 * read, whatever expression gives the object; not `self.handlers[k]`: Python's subscription binds nothing), and
 * `getattr(owner, name)`. The owner and the name, for `_pyws.bound(owner, name)`, which evaluates the owner once.
 */
function methodRead(value: t.Node): { owner: t.Expression; name: string | t.Expression } | null {
  if (value.type === "MemberExpression" && !value.computed && value.property.type === "Identifier" && value.object.type !== "Super") {
    return { owner: value.object, name: value.property.name };
  }
  if (value.type === "CallExpression" && value.callee.type === "Identifier" && value.callee.name === "getattr" && value.arguments.length === 2) {
    const [owner, name] = value.arguments;
    if (owner?.type === "SpreadElement" || name?.type === "SpreadElement" || owner?.type === "ArgumentPlaceholder" || name?.type === "ArgumentPlaceholder") return null;
    return { owner: owner as t.Expression, name: name as t.Expression };
  }
  return null;
}
