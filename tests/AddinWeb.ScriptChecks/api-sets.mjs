// Which Office.js members the given scripts use, and the requirement set each belongs to, as @types/office-js
// annotates them ("[Api set: ExcelApi 1.9]"). Prints JSON, one entry per use of a member annotated above the
// required ExcelApi version (or in a set every Excel does not have: ExcelApiOnline, ExcelApiDesktop, BETA), saying
// whether the use is guarded by a check of that set.
//
// A use is guarded when it sits in the taken branch of a test of the set, written with Office's own call or the
// pane's helper: `if (Office.context.requirements.isSetSupported("ExcelApi", "1.12")) …`, `supportsExcelApi("1.12")
// ? … : …`, `supportsExcelApi("1.12") && …`. A member is also seen when it is named in a load() string.
//
// Usage: node api-sets.mjs --project tsconfig.json --required 1.9 [--files a.js b.js]
import path from "node:path";
import ts from "typescript";

const args = process.argv.slice(2);
const option = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const required = parseVersion(option("--required") || "1.9");
const filesAt = args.indexOf("--files");
const only = filesAt >= 0 ? new Set(args.slice(filesAt + 1).map((f) => path.resolve(f))) : null;

const project = path.resolve(option("--project") || "tsconfig.json");
const config = ts.getParsedCommandLineOfConfigFile(project, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} });
if (!config) throw new Error(`Cannot read ${project}`);
const rootNames = only ? [...new Set([...config.fileNames, ...only])] : config.fileNames;
const program = ts.createProgram({ rootNames, options: config.options });
const checker = program.getTypeChecker();

const findings = [];
const seen = [];
for (const source of program.getSourceFiles()) {
  if (source.isDeclarationFile || !source.fileName.endsWith(".js")) continue;
  if (only && !only.has(path.resolve(source.fileName))) continue;
  visit(source, source);
}
// Every member used once, with its sets: what the pane needs of Excel.
const members = [...new Map(seen.map((m) => [m.member, m])).values()].sort((a, b) => a.member.localeCompare(b.member));
process.stdout.write(JSON.stringify({ findings, members }, null, 1));

function visit(node, source) {
  if (ts.isPropertyAccessExpression(node)) report(checker.getSymbolAtLocation(node.name), node.name, node, source);
  else if (ts.isPropertyAssignment(node) || ts.isShorthandPropertyAssignment(node)) {
    // { horizontalFitToPages: 1 } where the object is typed by Office.js
    const literal = node.parent;
    const type = ts.isObjectLiteralExpression(literal) ? checker.getContextualType(literal) : undefined;
    const name = node.name && ts.isIdentifier(node.name) ? node.name.text : undefined;
    if (type && name) report(type.getProperty(name), node.name, node, source);
  } else if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === "load") {
    // range.load("values, rowCount") and range.load(["address"])
    const type = checker.getTypeAtLocation(node.expression.expression);
    for (const name of loadedNames(node.arguments[0])) report(type.getProperty(name), node.arguments[0], node, source, name);
  }
  ts.forEachChild(node, (child) => visit(child, source));
}

function loadedNames(argument) {
  if (!argument) return [];
  if (ts.isStringLiteralLike(argument)) return argument.text.split(",").map((s) => s.trim().split("/")[0]).filter(Boolean);
  if (ts.isArrayLiteralExpression(argument))
    return argument.elements.flatMap((e) => (ts.isStringLiteralLike(e) ? [e.text.trim().split("/")[0]] : []));
  return [];
}

function report(symbol, at, node, source, shownName) {
  if (!symbol) return;
  const declarations = symbol.getDeclarations() || [];
  const declaration = declarations.find((d) => /[\\/]@types[\\/]office-js[\\/]/.test(d.getSourceFile().fileName));
  if (!declaration) return;
  const sets = apiSets(declaration);
  const owner = declaration.parent && declaration.parent.name ? declaration.parent.name.getText() : "";
  const member = `${owner ? owner + "." : ""}${shownName || symbol.getName()}`;
  seen.push({ member, apiSets: sets.map((s) => `${s.name} ${s.text}`) });
  const above = sets.filter((s) => isAbove(s));
  if (sets.length === 0 || above.length < sets.filter((s) => s.name.startsWith("ExcelApi")).length) return; // in a set every Excel has
  const needed = above[0];
  const { line, character } = source.getLineAndCharacterOfPosition(at.getStart(source));
  findings.push({
    file: path.relative(process.cwd(), source.fileName),
    line: line + 1,
    column: character + 1,
    member,
    apiSet: `${needed.name} ${needed.text}`,
    guarded: isGuarded(node, needed),
  });
}

/** The "[Api set: …]" lines of a declaration's JSDoc (a member may list several: "ExcelApi 1.1 for get, 1.9 for set"). */
function apiSets(declaration) {
  const text = ts
    .getJSDocCommentsAndTags(declaration)
    .map((d) => d.getFullText())
    .join("\n");
  const sets = [];
  for (const m of text.matchAll(/\[Api set: ([^\]]+)\]/g))
    for (const part of m[1].split(/,| and |;/)) {
      const set = /(ExcelApi\w*|WordApi\w*|Mailbox|\w+Api\w*)\s+([\w.]+(?: \(PREVIEW ONLY\))?)/.exec(part.trim());
      if (set) sets.push({ name: set[1], text: set[2], version: parseVersion(set[2]) });
    }
  return sets;
}

/** Above what the manifest requires: a higher ExcelApi, or a set that only some Excels have. */
function isAbove(set) {
  if (set.name !== "ExcelApi") return set.name.startsWith("ExcelApi");
  return !set.version || compare(set.version, required) > 0;
}

function isGuarded(node, set) {
  for (let child = node, parent = node.parent; parent; child = parent, parent = parent.parent) {
    let condition = null;
    if (ts.isIfStatement(parent) && parent.thenStatement === child) condition = parent.expression;
    else if (ts.isConditionalExpression(parent) && parent.whenTrue === child) condition = parent.condition;
    else if (ts.isBinaryExpression(parent) && parent.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken && parent.right === child)
      condition = parent.left;
    if (condition && checksAtLeast(condition.getText(), set)) return true;
  }
  return false;
}

function checksAtLeast(text, set) {
  for (const m of text.matchAll(/(?:isSetSupported\(\s*["']([\w]+)["']\s*,|supportsExcelApi\()\s*["']([\d.]+)["']\s*\)/g)) {
    const name = m[1] || "ExcelApi";
    if (name === set.name && set.version && compare(parseVersion(m[2]), set.version) >= 0) return true;
  }
  return false;
}

function parseVersion(text) {
  const m = /^(\d+)\.(\d+)$/.exec(String(text).trim());
  return m ? [Number(m[1]), Number(m[2])] : null;
}

function compare(a, b) {
  return a[0] - b[0] || a[1] - b[1];
}
