/**
 * The fake host refuses what Excel refuses (product.md section 10), each rule from Microsoft's
 * documentation cited where the fake applies it. These tests hold the fake to those rules, so a
 * test of the add-in that passes on the fake cannot pass by leniency.
 */
import { FakeState, definedNameProblem, fakeContext, installFakeOffice, newFakeState, newSheet, sheetNameProblem } from "../support/excel-fake";

let state: FakeState;
let context: Excel.RequestContext;
beforeEach(() => {
  state = installFakeOffice(globalThis as unknown as Record<string, unknown>, newFakeState());
  state.sheets.push(newSheet("Data"));
  context = fakeContext(state);
});
const data = () => context.workbook.worksheets.getItem("Data");
const refusal = (p: Promise<unknown>) => p.then(() => "accepted", (e: { code?: string }) => e.code);

describe("sheet names (Rename a worksheet)", () => {
  test.each([
    ["", "is blank"],
    ["A name that is thirty-two chars!", "is longer than 31 characters"],
    ["Q1/Q2", "holds one of"],
    ["What?", "holds one of"],
    ["[Plan]", "holds one of"],
    ["'quoted", "apostrophe"],
    ["history", "History"],
  ])("%j is refused: %s", async (name, why) => {
    expect(sheetNameProblem(name)).toContain(why);
    context.workbook.worksheets.add(name);
    expect(await refusal(context.sync())).toBe("InvalidArgument");
  });
  test("31 characters, spaces, accents and an apostrophe inside are taken; a taken name in other case is not", async () => {
    for (const name of ["Panel de escalamiento 2026 (v2)", "Umbrales", "Año's plan"]) expect(sheetNameProblem(name)).toBeUndefined();
    context.workbook.worksheets.add("DATA");
    expect(await refusal(context.sync())).toBe("ItemAlreadyExists");
  });
});

describe("defined names (Syntax rules for names)", () => {
  test.each(["A1", "xfd1048576", "R1C1", "r2c", "C", "r", "R12", "1st", "My name", "Gross-margin", "x".repeat(256)])("%j is refused", async (name) => {
    expect(definedNameProblem(name)).toBeDefined();
    context.workbook.names.add(name, data().getRange("A1"));
    expect(await refusal(context.sync())).toBe("InvalidArgument");
  });
  test.each(["Tracking_mrr", "Score_P1", "_x", "\\path", "XFE1", "A1048577", "Flag_ltv_cac", "Rate.2"])("%j is taken", (name) => {
    expect(definedNameProblem(name)).toBeUndefined();
  });
});

describe("cells", () => {
  test("a formula of 8,192 characters is written; one of 8,193 is refused (Excel specifications and limits)", async () => {
    const formula = (chars: number) => `=${"1+".repeat((chars - 1) / 2)}1${chars % 2 === 0 ? "0" : ""}`;
    expect([formula(8192).length, formula(8193).length]).toEqual([8193, 8194]);
    data().getRange("A1").formulas = [[formula(8192)]];
    expect(await refusal(context.sync())).toBe("accepted");
    data().getRange("A2").formulas = [[formula(8193)]];
    expect(await refusal(context.sync())).toBe("InvalidArgument");
  });
  test("an array not the shape of its range is refused", async () => {
    data().getRange("A1:B2").values = [[1, 2]];
    expect(await refusal(context.sync())).toBe("InvalidArgument");
    data().getRange("A1:B2").values = [[1, 2], [3]];
    expect(await refusal(context.sync())).toBe("InvalidArgument");
    data().getRange("A1:B2").values = [[1, 2], [3, 4]];
    expect(await refusal(context.sync())).toBe("accepted");
  });
  test("a request over 5 MB is refused whole, before any of it runs (Excel on the web's payload limit)", async () => {
    const big = Array.from({ length: 1000 }, () => ["x".repeat(2700)]);
    data().getRange("A1").values = [[1]];
    data().getRange("B1:B1000").values = big;
    data().getRange("C1:C1000").values = big;
    expect(await refusal(context.sync())).toBe("RequestPayloadSizeLimitExceeded");
    expect(state.sheets[0].cells.size).toBe(0);
    data().getRange("B1:B1000").values = big;
    expect(await refusal(context.sync())).toBe("accepted");
  });
});

test("a table overlapping another is refused", async () => {
  data().tables.add("A1:C5", true);
  await context.sync();
  data().tables.add("C5:D9", true);
  expect(await refusal(context.sync())).toBe("InvalidArgument");
  data().tables.add("D1:E5", true);
  expect(await refusal(context.sync())).toBe("accepted");
});

describe("charts", () => {
  test("a chart made from empty cells has no series: reaching one fails; an added series at an index takes its place", async () => {
    const chart = data().charts.add(Excel.ChartType.line, data().getRange("A1:C1"), Excel.ChartSeriesBy.rows);
    chart.series.getItemAt(0).name = "MRR";
    expect(await refusal(context.sync())).toBe("ItemNotFound");
    data().getRange("A2:C2").values = [[1, 2, 3]];
    const filled = data().charts.add(Excel.ChartType.line, data().getRange("A2:C2"), Excel.ChartSeriesBy.rows);
    filled.series.add("first", 0).setValues(data().getRange("A1:C1"));
    filled.series.getItemAt(1).name = "own";
    await context.sync();
    expect(state.sheets[0].charts.at(-1)!.series).toEqual([
      { name: "first", values: "A1:C1", valuesSheet: "Data" },
      { name: "own", values: "A2:C2" },
    ]);
  });

  test("a series may read another sheet than the chart's source: its values' sheet is kept", async () => {
    context.workbook.worksheets.add("Plan");
    data().getRange("A2:C2").values = [[1, 2, 3]];
    const chart = data().charts.add(Excel.ChartType.line, data().getRange("A2:C2"), Excel.ChartSeriesBy.rows);
    chart.series.add("planned").setValues(context.workbook.worksheets.getItem("Plan").getRange("A1:C1"));
    await context.sync();
    const made = state.sheets[0].charts.at(-1)!;
    expect([made.sourceSheet, made.series[1]]).toEqual(["Data", { name: "planned", values: "A1:C1", valuesSheet: "Plan" }]);
  });
});

describe("conditional formats (a rule's id is its priority; adds go on top)", () => {
  test("a format reached before an add acts on whatever holds its priority after it", async () => {
    state.sheets[0].rules.push({ id: "mine", ref: "A1:A9", formula: "=A1>1" });
    const formats = data().getRange().conditionalFormats.load("items/id");
    await context.sync();
    const mine = formats.items[0];
    expect(mine.id).toBe("0");
    data().getRange("B1").conditionalFormats.add(Excel.ConditionalFormatType.custom).custom.rule.formula = "=B1>2";
    mine.delete();
    await context.sync();
    expect(state.sheets[0].rules.map((r) => r.formula)).toEqual(["=A1>1"]);
  });
  test("deleting a format moves up the ones below it", async () => {
    state.sheets[0].rules.push(...["=A1>1", "=A1>2", "=A1>3"].map((formula, k) => ({ id: `r${k}`, ref: "A1", formula })));
    const formats = data().getRange().conditionalFormats.load("items/id");
    await context.sync();
    formats.items[0].delete();
    formats.items[1].delete();
    await context.sync();
    expect(state.sheets[0].rules.map((r) => r.formula)).toEqual(["=A1>2"]);
  });
});

describe("conditional-format and data-validation formulas (at most 255 characters: Excel's rule editor)", () => {
  /** A formula of exactly `chars` characters, its "=" included. */
  const formula = (chars: number) => `=${"1+".repeat((chars - 2) / 2)}1${chars % 2 === 1 ? "0" : ""}`;
  test("a custom rule's formula of 255 characters is taken; one of 256 is refused", async () => {
    expect([formula(255).length, formula(256).length]).toEqual([255, 256]);
    data().getRange("A1").conditionalFormats.add(Excel.ConditionalFormatType.custom).custom.rule.formula = formula(255);
    expect(await refusal(context.sync())).toBe("accepted");
    data().getRange("A2").conditionalFormats.add(Excel.ConditionalFormatType.custom).custom.rule.formula = formula(256);
    expect(await refusal(context.sync())).toBe("InvalidArgument");
  });
  test("a validation's list or bound of 255 characters is taken; one of 256 is refused", async () => {
    data().getRange("A1").dataValidation.rule = { list: { inCellDropDown: true, source: "x".repeat(255) } };
    expect(await refusal(context.sync())).toBe("accepted");
    data().getRange("A2").dataValidation.rule = { list: { inCellDropDown: true, source: "x".repeat(256) } };
    expect(await refusal(context.sync())).toBe("InvalidArgument");
    data().getRange("A3").dataValidation.rule = { decimal: { formula1: 0, formula2: formula(256), operator: Excel.DataValidationOperator.between } };
    expect(await refusal(context.sync())).toBe("InvalidArgument");
  });
});

describe("inserting columns (Insert a range: formulas with cell references adjust)", () => {
  test("Range.insert of whole columns moves the cells, widens the names and ranges that span them and moves the references to them, on every sheet", async () => {
    state.sheets.push(newSheet("My sheet"));
    const cells = state.sheets.find((s) => s.name === "Data")!.cells;
    cells.set("C1", { value: 3 });
    cells.set("A2", { formula: "SUM(B1:D1)+C1+$B$1+$D$1" });
    cells.set("A3", { formula: 'IF(TRUE,"C1",LOG10(C1))' });
    state.names.set("Row1", { sheet: "Data", ref: "B1:D1" });
    const other = state.sheets.find((s) => s.name === "My sheet")!.cells;
    other.set("A1", { formula: "Data!C1+'Data'!$C$1:D1+C1" });
    data().getRange("C:D").insert(Excel.InsertShiftDirection.right);
    await context.sync();
    const moved = state.sheets.find((s) => s.name === "Data")!.cells;
    expect(moved.get("E1")).toEqual({ value: 3 });
    expect(moved.has("C1")).toBe(false);
    expect(moved.get("A2")!.formula).toBe("SUM(B1:F1)+E1+$B$1+$F$1");
    expect(moved.get("A3")!.formula).toBe('IF(TRUE,"C1",LOG10(E1))');
    expect(state.names.get("Row1")!.ref).toBe("B1:F1");
    // Another sheet's own C1 stays; its references to Data move.
    expect(other.get("A1")!.formula).toBe("Data!E1+'Data'!$E$1:F1+C1");
  });
  test("only whole columns shifted right", async () => {
    data().getRange("C1:D4").insert(Excel.InsertShiftDirection.right);
    await expect(context.sync()).rejects.toThrow("whole columns");
  });
});
