import type { types as t } from "@babel/core";
import { isNamedMember } from "./references.js";

/**
 * A handler value whose evaluation runs none of the program's code, so it cannot
 * touch a socket's handlers while it is being assigned: a name, a function, or
 * RapydScript-ng's wrapper for an anonymous `def`:
 *
 *     (function() { var ρσ_anonfunc = function (evt) {...};
 *                   if (!ρσ_anonfunc.__argnames__) Object.defineProperties(ρσ_anonfunc, {...});
 *                   return ρσ_anonfunc; })()
 */
export function isInertHandlerValue(node: t.Node): boolean {
  switch (node.type) {
    case "Identifier":
    case "FunctionExpression":
    case "ArrowFunctionExpression":
      return true;
    case "CallExpression":
      return isAnonymousDefWrapper(node);
    default:
      return false;
  }
}

function isAnonymousDefWrapper(call: t.CallExpression): boolean {
  const callee = call.callee;
  if (call.arguments.length > 0 || callee.type !== "FunctionExpression" || callee.params.length > 0) return false;
  return callee.body.body.every(
    (statement) =>
      (statement.type === "VariableDeclaration" &&
        statement.declarations.every((d) => !d.init || d.init.type === "FunctionExpression")) ||
      (statement.type === "IfStatement" && !statement.alternate && isDefinePropertiesStatement(statement.consequent)) ||
      (statement.type === "ReturnStatement" && statement.argument?.type === "Identifier"),
  );
}

function isDefinePropertiesStatement(statement: t.Statement): boolean {
  return (
    statement.type === "ExpressionStatement" &&
    statement.expression.type === "CallExpression" &&
    isNamedMember(statement.expression.callee, "Object", "defineProperties") &&
    statement.expression.arguments.every((a) => a.type === "Identifier" || a.type === "ObjectExpression")
  );
}
