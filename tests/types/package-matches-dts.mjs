// The package's hand-written declarations (index.d.ts, element.d.ts, worker.d.ts) against the code they declare.
// tsc alone cannot hold one to the other: an import of "./index.js" finds index.d.ts beside it, never the code.
// So this asks tsc's checker for each module's own exports, from the JavaScript file and from the .d.ts, and
// fails where a value export is in one and not the other, or where either's type is not assignable to the other's.
// Run by scripts/typecheck; exits 1 naming each difference.
import { createRequire } from "node:module";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const ts = createRequire(join(root, "package.json"))("typescript");
const pkg = (name) => join(root, "wasm", "package", name);

// [code, declarations, what the declarations may hold beyond the code]. index.d.ts types both entries of ".":
// index.js (browsers) and index.node.js, which adds readDataPack.
const PAIRS = [
  ["index.node.js", "index.d.ts", []],
  ["index.js", "index.d.ts", ["readDataPack"]],
  ["element.js", "element.d.ts", []],
  ["worker.js", "worker.d.ts", []],
];

const config = ts.getParsedCommandLineOfConfigFile(
  join(root, "tsconfig.json"),
  {},
  {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => {
      throw new Error(ts.flattenDiagnosticMessageText(d.messageText, "\n"));
    },
  },
);
const files = [...new Set(PAIRS.flatMap(([code, dts]) => [pkg(code), pkg(dts)]))];
const program = ts.createProgram(files, config.options);
const checker = program.getTypeChecker();

// Value exports only (functions, classes, constants): a .d.ts also exports types, which JavaScript has no way to.
// A class is compared member by member, its instances' and its own (static): the code's #private fields make its
// type nominal, so the declared class is never assignable to it as a whole.
function valueExports(file) {
  const source = program.getSourceFile(file);
  const symbol = source && checker.getSymbolAtLocation(source);
  if (!symbol) throw new Error(`${relative(root, file)}: tsc found no module`);
  const exports = new Map();
  const typeOf = (s) => checker.getTypeOfSymbolAtLocation(s, source);
  const members = (type) =>
    new Map(
      checker
        .getPropertiesOfType(type)
        .filter((p) => !/^(__)?#/.test(p.name) && p.name !== "prototype")
        .map((p) => [p.name, typeOf(p)]),
    );
  for (const exported of checker.getExportsOfModule(symbol)) {
    const target = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
    if (!(target.flags & ts.SymbolFlags.Value)) continue;
    if (target.flags & ts.SymbolFlags.Class) {
      for (const [member, type] of members(checker.getDeclaredTypeOfSymbol(target)))
        exports.set(`${exported.name}#${member}`, type);
      for (const [member, type] of members(typeOf(target))) exports.set(`${exported.name}.${member}`, type);
    }
    exports.set(exported.name, typeOf(target));
  }
  return exports;
}

const shown = (type) => checker.typeToString(type, undefined, ts.TypeFormatFlags.NoTruncation);
const problems = [];
for (const [code, dts, declaredOnly] of PAIRS) {
  const implemented = valueExports(pkg(code));
  const declared = valueExports(pkg(dts));
  for (const name of implemented.keys())
    if (!declared.has(name)) problems.push(`${code} exports ${name}, which ${dts} does not declare`);
  for (const name of declared.keys()) {
    if (!implemented.has(name) && !declaredOnly.includes(name))
      problems.push(`${dts} declares ${name}, which ${code} does not export`);
  }
  for (const [name, type] of implemented) {
    const want = declared.get(name);
    if (!want) continue;
    if (!checker.isTypeAssignableTo(type, want))
      problems.push(`${code} ${name}: ${shown(type)}\n  is not assignable to ${dts}'s ${shown(want)}`);
    const classItself = type.getSymbol()?.flags & ts.SymbolFlags.Class && !name.includes("#") && !name.includes(".");
    if (!classItself && !checker.isTypeAssignableTo(want, type)) {
      problems.push(`${dts} ${name}: ${shown(want)}\n  is not assignable to ${code}'s ${shown(type)}`);
    }
  }
}
if (problems.length) {
  console.error(`The package's declarations and its code differ:\n${problems.join("\n")}`);
  process.exit(1);
}
console.log(`declarations match the code: ${PAIRS.map(([code, dts]) => `${code} ~ ${dts}`).join(", ")}`);
