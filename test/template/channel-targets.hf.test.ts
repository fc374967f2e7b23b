/**
 * One target per channel KPI (product.md 13, "Channels"; product.md 4, the band rule): the
 * Departments sheet's rows of the three channel KPIs read the Channels sheet's target cells by
 * name, so an edit of a Channels target moves the Departments row's target and flag with it, and a
 * cleared one clears both (the check off). In HyperFormula, with a company whose every channel
 * spent 1,000 and got 20 customers in month 1: a CAC of 50 against the catalog's target of 100.
 */
import { CHANNEL_KPI_IDS } from "../../src/core/department-rows";
import { NAMES, WorkbookSpec, cellPosition, describeWorkbook } from "../../src/core/template";
import { cell } from "../../src/core/template/formulas";
import { CHANNELS } from "../../src/core/template/channels-layout";
import { DEPARTMENTS_COLUMNS } from "../../src/core/template/departments-layout";
import { loadWorkbook } from "../support/hf-workbook";
import { DEPARTMENTS_COMPANY } from "./departments-company";

const CAC = "marketing.cac_by_channel";

/** A cell in the same row as a name's (single) cell, in column `col`. */
function besideName(spec: WorkbookSpec, name: string, col: number) {
  const n = spec.names.find((x) => x.name === name);
  if (!n) throw new Error(`no name ${name}`);
  const { row } = cellPosition(n.ref.replace(/\$/g, ""));
  return { sheet: spec.sheets.find((s) => s.key === n.sheet)!.name, ref: cell(col, row), row };
}

describe.each(["en", "es"] as const)("%s: the channel KPIs' one target", (language) => {
  const spec = describeWorkbook({ ...DEPARTMENTS_COMPANY, language });
  const wb = loadWorkbook(spec);
  const at = (c: { sheet: string; ref: string }) => wb.value(c.sheet, c.ref);
  const deptTarget = (id: string) => besideName(spec, NAMES.departmentFlag(id), DEPARTMENTS_COLUMNS.target);
  const deptFlag = (id: string) => besideName(spec, NAMES.departmentFlag(id), DEPARTMENTS_COLUMNS.flag);
  const channelsFlag = (id: string) => besideName(spec, NAMES.channelTarget(id), CHANNELS.columns.flag);
  const setChannelsTarget = (id: string, value: number | null) => {
    const t = besideName(spec, NAMES.channelTarget(id), CHANNELS.columns.target);
    const { col, row } = cellPosition(t.ref);
    wb.hf.setCellContents({ sheet: wb.hf.getSheetId(t.sheet)!, row: row - 1, col: col - 1 }, [[value]]);
  };

  test("the Departments rows of the three channel KPIs hold no target of their own: a formula reading the Channels sheet's", () => {
    const sheet = spec.sheets.find((s) => s.key === "departments")!;
    for (const id of CHANNEL_KPI_IDS) {
      const target = sheet.cells.find((c) => c.ref === deptTarget(id).ref)!;
      expect(target.formula).toContain(NAMES.channelTarget(id));
      expect(target.style).toBe("computed");
      expect(at(deptTarget(id))).toBe(wb.named(NAMES.channelTarget(id)));
    }
  });

  test("an edit of the Channels CAC target moves the Departments row's target and flag; cleared, both are cleared", () => {
    expect([at(deptTarget(CAC)), at(deptFlag(CAC)), at(channelsFlag(CAC))]).toEqual([100, "OK", "OK"]);
    // A target of 40 against a CAC of 50: no longer OK, on both sheets alike.
    setChannelsTarget(CAC, 40);
    expect(at(deptTarget(CAC))).toBe(40);
    expect(at(deptFlag(CAC))).not.toBe("OK");
    expect(at(deptFlag(CAC))).toBe(at(channelsFlag(CAC)));
    setChannelsTarget(CAC, null);
    expect([at(deptTarget(CAC)), at(deptFlag(CAC)), at(channelsFlag(CAC))]).toEqual(["", "", ""]);
  });
});

describe.each(["en", "es"] as const)("%s: a channel that spent and got no customer, with the CAC target switched off", (language) => {
  // Paid advertising spent 80 and got no customer in the reporting month: RISK while the target is 100.
  const actuals = DEPARTMENTS_COMPANY.actuals!.map((v) =>
    v.key === "channel.paid_advertising.customers" ? { ...v, value: 0 } : v.key === "channel.paid_advertising.spend" ? { ...v, value: 80 } : v,
  );
  const spec = describeWorkbook({ ...DEPARTMENTS_COMPANY, language, actuals });
  const wb = loadWorkbook(spec);
  const at = (c: { sheet: string; ref: string }) => wb.value(c.sheet, c.ref);
  const target = besideName(spec, NAMES.channelTarget(CAC), CHANNELS.columns.target);
  const flags = () => [
    at(besideName(spec, NAMES.channelTarget(CAC), CHANNELS.columns.flag)),
    at(besideName(spec, NAMES.departmentFlag(CAC), DEPARTMENTS_COLUMNS.flag)),
    at({ sheet: target.sheet, ref: cell(CHANNELS.columns.flag, CHANNELS.cacRow(0)) }),
  ];
  const setTarget = (value: number | string | null) => {
    const { col, row } = cellPosition(target.ref);
    wb.hf.setCellContents({ sheet: wb.hf.getSheetId(target.sheet)!, row: row - 1, col: col - 1 }, [[value]]);
  };

  test("RISK on the highest CAC, the Departments row and the channel's own CAC while the target holds; blank once it is cleared or 0 (product.md 4: a switched-off threshold gives no level)", () => {
    expect(flags()).toEqual(["RISK", "RISK", "RISK"]);
    setTarget(null);
    expect(flags()).toEqual(["", "", ""]);
    setTarget(0);
    expect(flags()).toEqual(["", "", ""]);
  });

  test("text in the target is an error on the flags, as in every flag, not RISK", () => {
    setTarget("n/a");
    for (const flag of flags()) expect(flag).toEqual({ error: "#N/A" });
  });
});
