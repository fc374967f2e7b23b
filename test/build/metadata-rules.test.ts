/**
 * The build refuses metadata Excel would refuse to load (product.md section 10, first bullet):
 * each breach planted on its own, in a metadata object and through the plugin in a small webpack
 * compilation, fails with the rule's sentence and the function's name; the real metadata passes.
 * The oracles are Microsoft's pages and office-js #1749, quoted beside each case.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import webpack from "webpack";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { ROOT } from "../support/dist";
import englishGolden from "./functions.golden.json";
import spanishGolden from "./functions.es.golden.json";

/* eslint-disable @typescript-eslint/no-require-imports */
const { RULES, checkMetadata } = require("../../scripts/metadata-rules");
const { FunctionsMetadataPlugin, functionSources, localizedMetadata } = require("../../scripts/functions-metadata-plugin");
/* eslint-enable @typescript-eslint/no-require-imports */

interface Parameter {
  name: string;
  optional?: boolean;
  repeating?: boolean;
  dimensionality?: string;
  type?: string;
}
interface Fn {
  id: string;
  name: string;
  parameters: Parameter[];
}
const NAMING = "https://learn.microsoft.com/office/dev/add-ins/excel/custom-functions-naming";
const REPEATING = "https://learn.microsoft.com/office/dev/add-ins/excel/custom-functions-parameter-options#repeating-parameters";

const fn = (id: string, parameters: Parameter[] = [{ name: "value" }], name = id): Fn => ({ id, name, parameters });
const problems = (functions: Fn[], namespace = "SCALE"): string[] => checkMetadata({ file: "functions.json", metadata: { functions } }, [], namespace);
/** The English metadata and one translation. */
const stepProblems = (english: Fn[], spanish: Fn[]): string[] =>
  checkMetadata({ file: "functions.json", metadata: { functions: english } }, [{ file: "functions.es.json", metadata: { functions: spanish } }], "SCALE");

describe("each rule's sentence names what Excel refuses and where that is written", () => {
  test("required after optional: office-js #1749, in the words the build prints", () => {
    expect(RULES.requiredAfterOptional("phase")).toBe("a required parameter (phase) follows an optional one; Excel refuses to load the add-in (office-js #1749)");
  });

  test("the other rules cite Microsoft's pages", () => {
    expect(RULES.repeatingNotLast("values")).toContain(REPEATING);
    for (const sentence of [RULES.invalidId("1X"), RULES.invalidName("1X"), RULES.cellReference("A1"), RULES.builtIn("name", "SUM", "SUM")]) expect(sentence).toContain(NAMING);
  });
});

describe("a required parameter after an optional one (office-js #1749)", () => {
  test("is refused, naming the function and the parameter", () => {
    expect(problems([fn("ADDX", [{ name: "a", optional: true }, { name: "b" }])])).toEqual([
      "functions.json: SCALE.ADDX: a required parameter (b) follows an optional one; Excel refuses to load the add-in (office-js #1749)",
    ]);
    expect(problems([fn("ADDX", [{ name: "a" }, { name: "b", optional: true }, { name: "c", optional: true }, { name: "d" }])])).toEqual([
      `functions.json: SCALE.ADDX: ${RULES.requiredAfterOptional("d")}`,
    ]);
  });

  test("a repeating parameter counts as optional ('all repeating parameters are considered optional', custom-functions-json)", () => {
    expect(problems([fn("ADDX", [{ name: "a", repeating: true, dimensionality: "matrix" }, { name: "b" }])])).toContain(
      `functions.json: SCALE.ADDX: ${RULES.requiredAfterOptional("b")}`,
    );
  });

  test("required parameters first, then optional ones, pass", () => {
    expect(problems([fn("ADDX", [{ name: "a" }, { name: "b" }, { name: "c", optional: true }, { name: "d", optional: true }])])).toEqual([]);
  });
});

describe("a repeating parameter must be the last (custom-functions-parameter-options)", () => {
  test("one followed by another parameter is refused", () => {
    expect(problems([fn("ADDX", [{ name: "a" }, { name: "b", repeating: true, optional: true }, { name: "c", optional: true }])])).toEqual([
      `functions.json: SCALE.ADDX: ${RULES.repeatingNotLast("b")}`,
    ]);
  });

  test("last, it passes", () => {
    expect(problems([fn("ADDX", [{ name: "a" }, { name: "b", repeating: true, dimensionality: "matrix" }])])).toEqual([]);
  });
});

describe("ids and names: letters, digits, periods and underscores, starting with a letter, at least 3 characters (custom-functions-naming)", () => {
  test.each(["1ADD", "AD", "ADD-TWO", "ADD TWO", "_ADD", "AÑADIR"])("the id %s is refused", (id) => {
    expect(problems([fn(id, undefined, "ADDX")])).toEqual([`functions.json: SCALE.ADDX (${id}): ${RULES.invalidId(id)}`]);
  });

  test.each(["1ADD", "AD", "ADD-TWO", "ADD TWO", ".ADD"])("the name %s is refused", (name) => {
    expect(problems([fn("ADDX", undefined, name)])).toEqual([`functions.json: SCALE.${name} (ADDX): ${RULES.invalidName(name)}`]);
  });

  test("ids of A-Z, digits, periods and underscores and names of any letters pass", () => {
    expect(problems([fn("ADD_2.X", undefined, "AÑADIR_2.X"), fn("ADD"), fn("ADDX", undefined, "SUMAR.TODO")])).toEqual([]);
  });

  test.each(["A1", "ABC1", "XFD1048576", "R1C1", "r1048576c16384"])("the name %s reads as a cell reference and is refused", (name) => {
    expect(problems([fn("ADDX", undefined, name)])).toContain(`functions.json: SCALE.${name} (ADDX): ${RULES.cellReference(name)}`);
  });

  test.each(["XFE1", "ABCD1", "ADD1048577", "R1C16385", "R1048577C1"])("%s is no cell reference (past the last column or row)", (name) => {
    expect(problems([fn("ADDX", undefined, name)])).toEqual([]);
  });
});

describe("no id or name equal to a built-in in any language (custom-functions-naming: 'Avoid an id or name that matches a built-in Excel function in any language')", () => {
  test("an English built-in as the id, whatever its case", () => {
    expect(problems([fn("SUM", undefined, "ADDX")])).toEqual([`functions.json: SCALE.ADDX (SUM): ${RULES.builtIn("id", "SUM", "SUM")}`]);
    expect(problems([fn("VLOOKUP")])).toEqual([`functions.json: SCALE.VLOOKUP: ${RULES.builtIn("id", "VLOOKUP", "VLOOKUP")}`]);
  });

  test("a Spanish built-in as the name, with or without its accent", () => {
    expect(problems([fn("ADDX", undefined, "SUMA")])).toEqual([`functions.json: SCALE.SUMA (ADDX): ${RULES.builtIn("name", "SUMA", "SUMA (Spanish for SUM)")}`]);
    expect(problems([fn("ADDX", undefined, "BuscarV")])).toEqual([
      `functions.json: SCALE.BuscarV (ADDX): ${RULES.builtIn("name", "BuscarV", "BUSCARV (Spanish for VLOOKUP)")}`,
    ]);
    expect(problems([fn("ADDX", undefined, "DÍAS")])).toEqual([`functions.json: SCALE.DÍAS (ADDX): ${RULES.builtIn("name", "DÍAS", "DIAS (Spanish for DAYS)")}`]);
  });

  test("a name that becomes a built-in with its namespace (NORM.DIST)", () => {
    expect(problems([fn("DIST")], "NORM")).toEqual([`functions.json: NORM.DIST: ${RULES.builtIn("name with its namespace", "NORM.DIST", "NORM.DIST")}`]);
  });

  test("the list holds Excel's functions in both languages, recent ones too", () => {
    for (const name of ["SUM", "NPV", "XLOOKUP", "LET", "LAMBDA", "SUMA", "VNA", "BUSCARX", "UNICOS", "FILTRAR", "AÑO"])
      expect([name, problems([fn("ADDX", undefined, name)]).length]).toEqual([name, 1]);
  });
});

describe("English and Spanish metadata in step: same ids, parameter counts, optional and repeating flags", () => {
  const english = [fn("ADDX", [{ name: "a" }, { name: "b", optional: true }]), fn("SUBX")];
  const spanish = [fn("ADDX", [{ name: "x" }, { name: "y", optional: true }], "SUMAR"), fn("SUBX", undefined, "RESTAR")];

  test("in step, they pass", () => {
    expect(stepProblems(english, spanish)).toEqual([]);
  });

  test("an id missing from either side", () => {
    expect(stepProblems(english, [spanish[0]])).toEqual([`functions.es.json: SUBX: ${RULES.missingFunction("functions.json")}`]);
    expect(stepProblems([english[0]], spanish)).toEqual([`functions.es.json: SCALE.RESTAR (SUBX): ${RULES.extraFunction("functions.json")}`]);
  });

  test("another number of parameters", () => {
    const fewer = [fn("ADDX", [{ name: "x" }], "SUMAR"), spanish[1]];
    expect(stepProblems(english, fewer)).toEqual([`functions.es.json: SCALE.SUMAR (ADDX): ${RULES.parameterCount(1, "functions.json", 2)}`]);
  });

  test("a parameter optional or repeating on one side only", () => {
    const required = [fn("ADDX", [{ name: "x" }, { name: "y" }], "SUMAR"), spanish[1]];
    expect(stepProblems(english, required)).toEqual([
      "functions.es.json: SCALE.SUMAR (ADDX): parameter 2 (y) is required here but optional in functions.json; the English and Spanish metadata must declare the same functions and parameters",
    ]);
    const repeating = [fn("ADDX", [{ name: "x" }, { name: "y", optional: true, repeating: true }], "SUMAR"), spanish[1]];
    expect(stepProblems(english, repeating)).toEqual([`functions.es.json: SCALE.SUMAR (ADDX): ${RULES.parameterKind(2, "y", "repeating", "functions.json", "not repeating")}`]);
  });

  test("a translation is checked on its own rules too (a Spanish name that is a built-in)", () => {
    const builtIn = [spanish[0], fn("SUBX", undefined, "RESIDUO")];
    expect(stepProblems(english, builtIn)).toEqual([`functions.es.json: SCALE.RESIDUO (SUBX): ${RULES.builtIn("name", "RESIDUO", "RESIDUO (Spanish for MOD)")}`]);
  });
});

describe("the real metadata passes every rule", () => {
  test("generated from src/functions and the Spanish table, as the plugin does", async () => {
    const { metadataJson, errors } = await generateCustomFunctionsMetadata(functionSources(path.join(ROOT, "src/functions")), false);
    expect(errors).toEqual([]);
    const table = JSON.parse(fs.readFileSync(path.join(ROOT, "src/functions/spanish.json"), "utf8"));
    const english = { file: "functions.json", metadata: JSON.parse(metadataJson) };
    const spanish = { file: "functions.es.json", metadata: JSON.parse(localizedMetadata(metadataJson, table)) };
    expect(checkMetadata(english, [spanish], "SCALE")).toEqual([]);
  });

  test("the committed golden files", () => {
    expect(checkMetadata({ file: "functions.json", metadata: englishGolden }, [{ file: "functions.es.json", metadata: spanishGolden }], "SCALE")).toEqual([]);
  });
});

describe("the plugin fails the webpack compilation on a breach, emitting no metadata", () => {
  /** A small compilation: an empty entry, the plugin over `sources` (file name -> TypeScript) and a Spanish table. */
  async function compile(sources: Record<string, string>, table: Record<string, unknown>): Promise<{ errors: string[]; emitted: string[] }> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "scale-metadata-rules-"));
    for (const [file, text] of Object.entries(sources)) fs.writeFileSync(path.join(dir, file), text);
    fs.writeFileSync(path.join(dir, "spanish.json"), JSON.stringify(table));
    fs.writeFileSync(path.join(dir, "entry.js"), "export {};\n");
    const plugin = new FunctionsMetadataPlugin({ inputs: Object.keys(sources).map((f) => path.join(dir, f)), translations: path.join(dir, "spanish.json"), namespace: "SCALE" });
    const compiler = webpack({ mode: "production", context: dir, entry: "./entry.js", output: { path: path.join(dir, "out") }, plugins: [plugin] });
    const stats = await new Promise<webpack.Stats>((resolve, reject) => compiler.run((err, s) => (err || !s ? reject(err) : resolve(s))));
    await new Promise((resolve) => compiler.close(resolve));
    return { errors: stats.compilation.errors.map((e) => e.message), emitted: fs.existsSync(path.join(dir, "out")) ? fs.readdirSync(path.join(dir, "out")) : [] };
  }

  const source = (tag: string, params: string, signature: string) =>
    `/**\n * A function of the test.\n * @customfunction ${tag}\n${params}\n */\nexport function f_${tag.split(" ")[0].replace(/\W/g, "_")}(${signature}): number {\n  return 1;\n}\n`;
  const spanish = (name: string, parameters: string[]) => ({
    name,
    description: "d",
    parameters: Object.fromEntries(parameters.map((p) => [p, { name: `${p}_es`, description: "d" }])),
  });

  test("each breach in a function's JSDoc and in the Spanish table, with its sentence and the function's name", async () => {
    const { errors, emitted } = await compile(
      {
        "optional.ts": source("SCOREX", " * @param metrics Ids.\n * @param [values] Values.\n * @param phase The phase.", "metrics: number, values: number, phase: number"),
        "repeating.ts": source("TOTALX", " * @param values Values.\n * @param phase The phase.", "values: number[], phase: number"),
        "short.ts": source("AB", " * @param value A value.", "value: number"),
        "builtin.ts": source("SUM", " * @param value A value.", "value: number"),
        "cell.ts": source("CELLX ABC1", " * @param value A value.", "value: number"),
      },
      {
        SCOREX: spanish("PUNTAJEX", ["metrics", "values", "phase"]),
        TOTALX: spanish("TOTALES", ["values", "phase"]),
        AB: spanish("ABE", ["value"]),
        SUM: spanish("SUMAX", ["value"]),
        CELLX: spanish("BUSCARV", ["value"]),
      },
    );
    expect(errors).toEqual(
      expect.arrayContaining([
        `functions.json: SCALE.SCOREX: ${RULES.requiredAfterOptional("phase")}`,
        `functions.json: SCALE.TOTALX: ${RULES.repeatingNotLast("values")}`,
        `functions.json: SCALE.AB: ${RULES.invalidId("AB")}`,
        `functions.json: SCALE.SUM: ${RULES.builtIn("id", "SUM", "SUM")}`,
        `functions.json: SCALE.ABC1 (CELLX): ${RULES.cellReference("ABC1")}`,
        `functions.es.json: SCALE.BUSCARV (CELLX): ${RULES.builtIn("name", "BUSCARV", "BUSCARV (Spanish for VLOOKUP)")}`,
      ]),
    );
    expect(errors.find((e) => e.includes("SCALE.SCOREX"))).toBe(
      "functions.json: SCALE.SCOREX: a required parameter (phase) follows an optional one; Excel refuses to load the add-in (office-js #1749)",
    );
    expect(emitted.filter((f) => f.endsWith(".json"))).toEqual([]);
  });

  test("metadata that keeps the rules is emitted in both languages", async () => {
    const { errors, emitted } = await compile(
      { "score.ts": source("SCOREX", " * @param metrics Ids.\n * @param [values] Values.\n * @param [phase] The phase.", "metrics: number, values?: number, phase?: number") },
      { SCOREX: spanish("PUNTAJEX", ["metrics", "values", "phase"]) },
    );
    expect(errors).toEqual([]);
    expect(emitted.filter((f) => f.endsWith(".json")).sort()).toEqual(["functions.es.json", "functions.json"]);
  });
});
