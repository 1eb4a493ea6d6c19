import type { NodePath, types as t } from "@babel/core";
import type { Binding } from "@babel/traverse";
import { staticPropertyName } from "../analysis/references.js";
import { MODULE_FACTORY_NAME, MODULE_SUPPORTED_NAME, TRANSCRYPT_NEST } from "../names.js";
import { holdsPackageMark, isBrowserName } from "./browser-names.js";

/**
 * Transcrypt's import of the module, `import * as websocket from './browser.websocket.js'`, or of the package's other
 * names, `import {document, window} from './browser.js'` (any folder before them).
 */
export const TRANSCRYPT_MODULE_SOURCE: RegExp = /(?:^|\/)browser(?:\.websocket)?\.js$/;
const TRANSCRYPT_PACKAGE_SOURCE = /(?:^|\/)browser\.js$/;

/** A reference to one of the package's names that are the platform's (`document`, `window`...): see browser-names.ts. */
export interface BrowserNameUse {
  path: NodePath<t.Expression>;
  name: string;
  /** Transcrypt's output, which renames some attributes (`console.py_clear`). */
  transcrypt: boolean;
}

/** What a program reads of Brython's module `browser.websocket`, through the package's modules in python/. */
export interface ModuleUses {
  /** `WebSocket`, `websocket.WebSocket`, `browser.websocket.WebSocket`: the socket factory. */
  factories: Array<NodePath<t.Expression>>;
  /** `supported`, `websocket.supported`. */
  supported: Array<NodePath<t.Expression>>;
  /** The module itself as a value (`module = websocket`). */
  values: Array<NodePath<t.Expression>>;
  /**
   * The package `browser` where the program uses it as a value (`import browser`, then `f(browser)`): the value it is
   * declared with, which becomes `{ websocket: <the module> }`.
   */
  packageValues: Array<NodePath<t.Expression>>;
  /** What bound those names (imports, `var`s, Transcrypt's `__nest__`), removed once the uses are rewritten. */
  declarations: NodePath[];
  /** RapydScript-ng's inlined copy of the modules (initialisers and bodies), removed with them. */
  stub: NodePath[];
  /** `document`, `window`, `alert`... as the program reads them off the package. */
  names: BrowserNameUse[];
}

/** Transcrypt's import, or RapydScript-ng's read of its module table, `ρσ_modules.browser` / `ρσ_modules["browser.websocket"]`. */
export type ModuleSite = { kind: "module-import"; path: NodePath<t.ImportDeclaration> } | { kind: "module-object"; path: NodePath<t.MemberExpression> };

/** The module's uses in a file, from its imports (Transcrypt) or its reads of the module table (RapydScript-ng). */
export function moduleUses(sites: ModuleSite[]): ModuleUses {
  const uses: ModuleUses = { factories: [], supported: [], values: [], packageValues: [], declarations: [], stub: [], names: [] };
  const tables = sites.filter((site) => site.kind === "module-object").map((site) => site.path as NodePath<t.MemberExpression>);
  const stub = new Set<NodePath>();
  const programReads: Array<NodePath<t.MemberExpression>> = [];
  for (const table of tables) {
    const statement = stubStatement(table);
    if (statement) stub.add(statement);
    else programReads.push(table);
  }
  // A `browser` package of the program's own is not this package's: left alone.
  if (stub.size > 0 && !isThisPackagesStub([...stub])) return uses;
  const packages = new Map<Binding, NodePath[]>();
  for (const site of sites) if (site.kind === "module-import") transcryptImport(site.path, uses, packages);
  for (const read of programReads) rapydscriptRead(read, uses, packages);
  for (const [binding, statements] of packages) packageUses(binding, statements, uses);
  uses.stub.push(...stub);
  return uses;
}

/** The package `browser`'s bindings in the program, each with the statements that declare it (see packageUses). */
type Packages = Map<Binding, NodePath[]>;

function transcryptImport(declaration: NodePath<t.ImportDeclaration>, uses: ModuleUses, packages: Packages): void {
  const isPackage = TRANSCRYPT_PACKAGE_SOURCE.test(declaration.node.source.value);
  for (const specifier of declaration.get("specifiers")) {
    const binding = specifier.scope.getBinding(specifier.node.local.name)!;
    if (specifier.isImportNamespaceSpecifier()) {
      const references = binding.referencePaths as Array<NodePath<t.Expression>>;
      const nests = references.map(nestStatement);
      if (nests.every((nest) => nest !== null)) {
        // `import browser` / `import browser.websocket`: `__nest__ (browser, '', __module_browser__)`,
        // `__nest__ (browser, 'websocket', __module_browser_websocket__)`, then `browser.websocket.X`, `browser.window`.
        for (const nest of nests) {
          const packageId = (nest!.node.expression as t.CallExpression).arguments[0] as t.Identifier;
          const packageBinding = nest!.scope.getBinding(packageId.name);
          if (packageBinding) packages.set(packageBinding, [...(packages.get(packageBinding) ?? []), nest!]);
        }
      } else if (isPackage) {
        // `import browser as b` (b.document): only where every use is a read of one of its names.
        if (!references.every((reference) => nameOfPackage(reference) !== null)) continue;
        for (const reference of references) uses.names.push({ path: reference.parentPath as NodePath<t.Expression>, name: nameOfPackage(reference)!, transcrypt: true });
      } else {
        for (const reference of references) moduleReference(reference, uses);
      }
    } else if (specifier.isImportSpecifier()) {
      const name = staticImportedName(specifier.node);
      if (isPackage) {
        if (!isBrowserName(name)) continue;
        for (const reference of binding.referencePaths) uses.names.push({ path: reference as NodePath<t.Expression>, name, transcrypt: true });
      } else {
        if (name !== MODULE_FACTORY_NAME && name !== MODULE_SUPPORTED_NAME) continue;
        (name === MODULE_FACTORY_NAME ? uses.factories : uses.supported).push(...(binding.referencePaths as Array<NodePath<t.Expression>>));
      }
    } else {
      continue;
    }
    uses.declarations.push(specifier);
  }
}

/** `__nest__ (browser, '...', <reference>);`, Transcrypt's statement that puts a module in its package, or null. */
function nestStatement(reference: NodePath<t.Expression>): NodePath<t.ExpressionStatement> | null {
  const nest = reference.parentPath;
  const [packageId] = nest.isCallExpression() ? nest.node.arguments : [];
  return nest.isCallExpression() && isIdentifier(nest.node.callee, TRANSCRYPT_NEST) && packageId?.type === "Identifier" && nest.parentPath.isExpressionStatement()
    ? nest.parentPath
    : null;
}

/** `P.document` read off the package `P`: the name, or null. */
function nameOfPackage(reference: NodePath): string | null {
  const member = reference.parentPath!;
  const name = member.isMemberExpression() && member.node.object === reference.node && !isWritten(member) ? staticPropertyName(member.node) : null;
  return isBrowserName(name) ? name : null;
}

/** A read of `ρσ_modules.browser` or `ρσ_modules["browser.websocket"]` in the program (not in the modules' own code). */
function rapydscriptRead(table: NodePath<t.MemberExpression>, uses: ModuleUses, packages: Packages): void {
  const parent = table.parentPath;
  const isPackage = staticPropertyName(table.node) === "browser";
  const browserName = isPackage ? nameOfPackage(table) : null;
  if (browserName !== null) {
    // `var document = ρσ_modules.browser.document;` (`from browser import document`): its references, where the
    // program never assigns the variable again; else just the value it starts with.
    const declarator = parent.parentPath!;
    const binding = declarator.isVariableDeclarator() && declarator.node.init === parent.node && declarator.node.id.type === "Identifier" ? declarator.scope.getBinding(declarator.node.id.name) : undefined;
    if (binding?.constant) {
      for (const reference of binding.referencePaths) uses.names.push({ path: reference as NodePath<t.Expression>, name: browserName, transcrypt: false });
      uses.declarations.push(declarator);
    } else {
      uses.names.push({ path: parent as NodePath<t.Expression>, name: browserName, transcrypt: false });
    }
    return;
  }
  if (isPackage && !(parent.isMemberExpression() && parent.node.object === table.node && staticPropertyName(parent.node) === "websocket")) {
    // `var browser = ρσ_modules.browser;` (`import browser.websocket`, `import browser`).
    const binding = parent.isVariableDeclarator() && parent.node.id.type === "Identifier" ? parent.scope.getBinding(parent.node.id.name) : undefined;
    if (binding) packages.set(binding, [...(packages.get(binding) ?? []), parent]);
    else uses.packageValues.push(table);
    return;
  }
  // ρσ_modules.browser.websocket or ρσ_modules["browser.websocket"]: the module.
  const module = (isPackage ? parent : table) as NodePath<t.MemberExpression>;
  const member = module.parentPath;
  const name = member.isMemberExpression() && member.node.object === module.node && !isWritten(member) ? staticPropertyName(member.node) : null;
  const read = name === MODULE_FACTORY_NAME || name === MODULE_SUPPORTED_NAME ? (member as NodePath<t.MemberExpression>) : module;
  const declarator = read.parentPath;
  const binding = declarator.isVariableDeclarator() && declarator.node.init === read.node && declarator.node.id.type === "Identifier" ? declarator.scope.getBinding(declarator.node.id.name) : undefined;
  // (A variable the program assigns again is just a variable: only the value it starts with is the module's.)
  if (binding?.constant) {
    for (const reference of binding.referencePaths as Array<NodePath<t.Expression>>) {
      if (name === MODULE_FACTORY_NAME) uses.factories.push(reference);
      else if (name === MODULE_SUPPORTED_NAME) uses.supported.push(reference);
      else moduleReference(reference, uses);
    }
    uses.declarations.push(declarator);
    return;
  }
  // `browser.websocket = ρσ_modules["browser.websocket"];`, which follows `var browser = ρσ_modules.browser;`: see packageUses.
  if (declarator.isAssignmentExpression() && declarator.node.right === read.node && name === null) return;
  if (name === MODULE_FACTORY_NAME) uses.factories.push(read);
  else if (name === MODULE_SUPPORTED_NAME) uses.supported.push(read);
  else moduleReference(read, uses);
}

/**
 * The package `browser` bound by `declarations` (Transcrypt's `var browser = {}` and its `__nest__` statements of the
 * package's modules, RapydScript-ng's `var browser = ρσ_modules.browser`): `browser.websocket` is the module,
 * `browser.document` and the like are the platform's. A module of the program's own put in it (`browser.html`) stays.
 */
function packageUses(binding: Binding, declarations: NodePath[], uses: ModuleUses): void {
  if (!binding.path.isVariableDeclarator()) return;
  const declarator = binding.path;
  const statements: NodePath[] = declarations.filter((declaration) => declaration !== declarator);
  // (Transcrypt declares the package by its `__nest__` statements, RapydScript-ng by the variable.)
  const transcrypt = !declarations.includes(declarator);
  let asValue = false;
  const modules: Array<NodePath<t.Expression>> = [];
  for (const reference of binding.referencePaths as Array<NodePath<t.Expression>>) {
    if (declarations.some((declaration) => reference.findParent((path) => path === declaration))) continue;
    const member = reference.parentPath;
    const name = nameOfPackage(reference);
    if (name !== null) {
      uses.names.push({ path: member as NodePath<t.Expression>, name, transcrypt });
    } else if (member.isMemberExpression() && member.node.object === reference.node && staticPropertyName(member.node) === "websocket") {
      const assignment = member.parentPath;
      // RapydScript-ng's `browser.websocket = ρσ_modules["browser.websocket"];`: part of the declaration.
      if (assignment.isAssignmentExpression() && assignment.node.left === member.node && assignment.parentPath.isExpressionStatement()) {
        statements.push(assignment.parentPath);
      } else {
        modules.push(member);
      }
    } else {
      asValue = true;
    }
  }
  for (const module of modules) moduleReference(module, uses);
  uses.declarations.push(...statements);
  if (asValue) uses.packageValues.push(declarator.get("init") as NodePath<t.Expression>);
  else uses.declarations.push(declarator);
}

/** A reference to the module: `M.WebSocket`, `M.supported`, or the module as a value. */
function moduleReference(reference: NodePath<t.Expression>, uses: ModuleUses): void {
  const member = reference.parentPath;
  const name = member.isMemberExpression() && member.node.object === reference.node && !isWritten(member) ? staticPropertyName(member.node) : null;
  if (name === MODULE_FACTORY_NAME) uses.factories.push(member as NodePath<t.Expression>);
  else if (name === MODULE_SUPPORTED_NAME) uses.supported.push(member as NodePath<t.Expression>);
  else uses.values.push(reference);
}

/**
 * The statement of RapydScript-ng's inlined modules that holds `table`: an initialiser (`ρσ_modules.browser = {};`)
 * or a module's body, `(function(){ var __name__ = "browser"; ... })();`.
 */
function stubStatement(table: NodePath<t.MemberExpression>): NodePath | null {
  const parent = table.parentPath;
  if (parent.isAssignmentExpression() && parent.node.left === table.node && parent.node.right.type === "ObjectExpression" && parent.parentPath.isExpressionStatement()) {
    return parent.parentPath;
  }
  for (let fn = table.getFunctionParent(); fn; fn = fn.parentPath.getFunctionParent()) {
    const first = (fn.node.body as t.BlockStatement).body?.[0];
    const name = first?.type === "VariableDeclaration" ? first.declarations[0] : undefined;
    const isModuleBody =
      name?.id.type === "Identifier" &&
      name.id.name === "__name__" &&
      name.init?.type === "StringLiteral" &&
      (name.init.value === "browser" || name.init.value === "browser.websocket");
    const call = fn.parentPath;
    if (isModuleBody && call.isCallExpression() && call.node.callee === fn.node && call.parentPath.isExpressionStatement()) return call.parentPath;
  }
  return null;
}

/** Each module body among RapydScript-ng's inlined modules `browser` and `browser.websocket` holds the package's mark. */
function isThisPackagesStub(statements: NodePath[]): boolean {
  return statements.every((statement) => {
    const expression = (statement.node as t.ExpressionStatement).expression;
    if (expression.type !== "CallExpression") return true; // an initialiser, `ρσ_modules.browser = {};`
    return holdsPackageMark(((expression.callee as t.FunctionExpression).body as t.BlockStatement).body);
  });
}

function isWritten(member: NodePath): boolean {
  const parent = member.parentPath!;
  return (parent.isAssignmentExpression() && parent.node.left === member.node) || parent.isUpdateExpression() || parent.isUnaryExpression({ operator: "delete" });
}

function isIdentifier(node: t.Node, name: string): boolean {
  return node.type === "Identifier" && node.name === name;
}

function staticImportedName(specifier: t.ImportSpecifier): string {
  return specifier.imported.type === "Identifier" ? specifier.imported.name : specifier.imported.value;
}
