import type { NodePath, types as t } from "@babel/core";
import type { RuntimeDelivery } from "../options.js";
import type { Site } from "../sites.js";

/** How a rewritten file reaches the runtime's parts. */
export type Delivery = "import" | "require" | "inline";

/**
 * The `runtime` option, for this file. "auto" reads the file itself, not the `sourceType` Babel parsed it with (Babel's
 * default, "module", also parses RapydScript-ng's classic script): a file with `import`/`export` imports the parts, a
 * CommonJS file (free `require`, `module` or `exports`) requires the module, and any other file is a classic script,
 * which cannot import: the parts are inlined.
 */
export function runtimeDelivery(program: t.Program, commonjs: boolean, option: RuntimeDelivery): Delivery {
  if (option === "inline") return "inline";
  if (option === "import") return program.sourceType === "module" ? "import" : "require";
  if (program.body.some((statement) => statement.type === "ImportDeclaration" || statement.type.startsWith("Export"))) return "import";
  return commonjs ? "require" : "inline";
}

/**
 * Where an inlined runtime goes, and the runtime object of sites whose program's classes do not say otherwise: in a
 * classic script whose sites all lie in one function called where it is written (RapydScript-ng wraps its whole output
 * so), the top of that function, so that the script declares no global name; else the program.
 */
export function runtimeHome(program: NodePath<t.Program>, delivery: Delivery, sites: Site[]): NodePath<t.Program | t.Function> {
  if (delivery !== "inline" || sites.length === 0) return program;
  const statements = new Set(sites.map((site) => site.path.find((path) => path.parentPath?.isProgram() ?? false)));
  const [statement] = statements;
  if (statements.size !== 1 || !statement?.isExpressionStatement()) return program;
  return calledFunction(statement.get("expression")) ?? program;
}

/** The function of `(function () {...})()`, `!function () {...}()` or `(function () {...}).call(this)`. */
function calledFunction(expression: NodePath<t.Expression>): NodePath<t.Function> | null {
  const call = expression.isUnaryExpression() ? expression.get("argument") : expression;
  if (!call.isCallExpression()) return null;
  let callee = call.get("callee");
  if (callee.isMemberExpression() && !callee.node.computed && ["call", "apply"].includes((callee.node.property as t.Identifier).name)) {
    callee = callee.get("object");
  }
  return callee.isFunctionExpression() || callee.isArrowFunctionExpression() ? callee : null;
}
