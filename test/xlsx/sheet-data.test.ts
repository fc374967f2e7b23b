/**
 * The export writes the cells itself (src/xlsx/sheet-data.ts) into the parts exceljs renders. The
 * oracle is exceljs's own rendering: the same described cells set through exceljs's cell model must
 * give the same package, part for part, byte for byte (sheets, shared strings, styles).
 */
import ExcelJS from "exceljs";
import {
  describeWorkbook,
  SheetSpec,
  WorkbookSpec,
} from "../../src/core/template";
import { excelJsParts } from "../../src/xlsx/package";
import { CellRegistry, sheetDataXml } from "../../src/xlsx/sheet-data";
import { STYLES, excelJsWorkbook, sheetCells } from "../../src/xlsx/write";
import { SCENARIOS } from "../support/scenarios";

/** Every described cell set the way exceljs's API sets it, as the writer did before sheet-data.ts. */
function withCellsThroughExcelJs(
  wb: ExcelJS.Workbook,
  spec: WorkbookSpec,
): ExcelJS.Workbook {
  for (const s of spec.sheets) {
    const sheet = wb.getWorksheet(s.name)!;
    for (const c of s.cells) {
      const cell = sheet.getCell(c.ref);
      cell.value =
        c.formula !== undefined
          ? ({ formula: c.formula } as ExcelJS.CellFormulaValue)
          : (c.value ?? null);
      if (c.style) cell.style = { ...STYLES[c.style], numFmt: c.numberFormat };
      else if (c.numberFormat) cell.numFmt = c.numberFormat;
    }
    for (const row of s.hiddenRows ?? []) sheet.getRow(row).hidden = true;
  }
  return wb;
}

const fixedDates = (wb: ExcelJS.Workbook) => {
  wb.created = wb.modified = new Date(Date.UTC(2026, 0, 1));
  return wb;
};

async function asText(
  parts: Map<string, string | Buffer>,
): Promise<[string, string][]> {
  return [...parts].map(([name, data]) => [name, data.toString()]);
}

test.each([
  ["es", SCENARIOS[0].options],
  [
    "en",
    {
      ...SCENARIOS[0].options,
      language: "en" as const,
      company: `Acme & <Sons> "Ltd" 'x'`,
      months: 40,
    },
  ],
])(
  "the package is exceljs's own, byte for byte, with the cells written outside it (%s)",
  async (_, options) => {
    const spec = describeWorkbook(options);
    const oracle = await excelJsParts(
      fixedDates(withCellsThroughExcelJs(excelJsWorkbook(spec), spec)),
    );
    const written = await excelJsParts(
      fixedDates(excelJsWorkbook(spec)),
      sheetCells(spec),
    );
    const [expected, actual] = await Promise.all([
      asText(oracle),
      asText(written),
    ]);
    expect(actual.map(([name]) => name)).toEqual(
      expected.map(([name]) => name),
    );
    for (const [i, [name, text]] of actual.entries()) {
      expect([name, text]).toEqual(expected[i]);
    }
    // The sheets have cells: the comparison is not between two empty packages.
    expect(
      actual.find(([name]) => name === "xl/worksheets/sheet3.xml")![1],
    ).toMatch(/<c r="[A-Z]+\d+"[^>]*><f>/);
  },
);

describe("sheetDataXml", () => {
  const registry: CellRegistry = {
    styleId: (style) => (style ? 7 : 0),
    stringId: (text) => text.length,
  };
  const sheet = (cells: SheetSpec["cells"], hiddenRows?: number[]): SheetSpec =>
    ({
      key: "risks",
      name: "Risks",
      cells,
      columnWidths: {},
      printLandscape: false,
      hiddenRows,
    }) as SheetSpec;

  test("rows in order, cells in column order, each kind of value, a hidden row and the used range", () => {
    const { xml, dimension } = sheetDataXml(
      sheet(
        [
          { ref: "C2", formula: `IF(A1<>"",1,'x'!A1&">")` },
          { ref: "AA2", value: true },
          { ref: "B2", value: 2.5 },
          { ref: "A1", value: "Tab\there\u0001", style: "header" },
          { ref: "D3" },
          { ref: "E3", style: "input" },
        ],
        [2],
      ),
      registry,
    );
    expect(xml.toString()).toBe(
      '<sheetData><row r="1" spans="1:1" x14ac:dyDescent="0.25"><c r="A1" s="7" t="s"><v>9</v></c></row>' +
        '<row r="2" hidden="1" spans="2:27" x14ac:dyDescent="0.25"><c r="B2"><v>2.5</v></c>' +
        '<c r="C2"><f>IF(A1&lt;&gt;&quot;&quot;,1,&apos;x&apos;!A1&amp;&quot;&gt;&quot;)</f></c>' +
        '<c r="AA2" t="b"><v>1</v></c></row>' +
        '<row r="3" spans="4:5" x14ac:dyDescent="0.25"><c r="E3" s="7"/></row></sheetData>',
    );
    expect(dimension).toBe("A1:AA3");
  });

  test("text beyond ASCII is written as UTF-8, a character of two UTF-16 units (an emoji) whole", () => {
    const formula = `'Áreas'!B2&"Año ✓ 😀"`;
    const { xml } = sheetDataXml(sheet([{ ref: "A1", formula }]), registry);
    expect(xml.toString("utf8")).toContain(
      `<f>&apos;Áreas&apos;!B2&amp;&quot;Año ✓ 😀&quot;</f>`,
    );
  });

  test("a lone surrogate becomes U+FFFD and the character after it is still escaped", () => {
    const { xml } = sheetDataXml(
      sheet([{ ref: "A1", formula: `"\uD83D<b>"&"\uD83D"` }]),
      registry,
    );
    expect(xml.toString("utf8")).toContain(
      `<f>&quot;\uFFFD&lt;b&gt;&quot;&amp;&quot;\uFFFD&quot;</f>`,
    );
  });

  test("a sheet without cells has an empty sheetData and no used range", () => {
    expect(sheetDataXml(sheet([]), registry)).toEqual({
      xml: Buffer.from("<sheetData/>"),
    });
  });

  test("a cell described twice is refused, naming it", () => {
    expect(() =>
      sheetDataXml(
        sheet([
          { ref: "B2", value: 1 },
          { ref: "B2", value: 2 },
        ]),
        registry,
      ),
    ).toThrow("Risks!B2 is described twice");
  });
});
