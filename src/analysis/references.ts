import type { types as t } from "@babel/core";

/** The name of a member's property when it is static: `a.b` and `a["b"]` give "b". */
export function staticPropertyName(member: t.MemberExpression | t.OptionalMemberExpression): string | null {
  const { property } = member;
  if (!member.computed && property.type === "Identifier") return property.name;
  if (member.computed && property.type === "StringLiteral") return property.value;
  return null;
}

/**
 * A reference that can be evaluated twice with the same result and no effect:
 * `ws`, `this`, `self.ws`, `self.conn.ws`.
 */
export function isSimpleReference(node: t.Node): node is t.Identifier | t.ThisExpression | t.MemberExpression {
  if (node.type === "Identifier" || node.type === "ThisExpression") return true;
  return node.type === "MemberExpression" && !node.computed && isSimpleReference(node.object);
}

/** Whether two simple references name the same place. */
export function sameReference(a: t.Node, b: t.Node): boolean {
  if (a.type === "Identifier" && b.type === "Identifier") return a.name === b.name;
  if (a.type === "ThisExpression" && b.type === "ThisExpression") return true;
  if (a.type === "MemberExpression" && b.type === "MemberExpression") {
    return (
      !a.computed &&
      !b.computed &&
      a.property.type === "Identifier" &&
      b.property.type === "Identifier" &&
      a.property.name === b.property.name &&
      sameReference(a.object, b.object)
    );
  }
  return false;
}

/** `name.property` with both parts static, e.g. `ρσ_interpolate_kwargs.call`. */
export function isNamedMember(node: t.Node, objectName: string, propertyName: string): node is t.MemberExpression {
  return (
    node.type === "MemberExpression" &&
    node.object.type === "Identifier" &&
    node.object.name === objectName &&
    staticPropertyName(node) === propertyName
  );
}
