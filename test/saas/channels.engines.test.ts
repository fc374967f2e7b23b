/**
 * Issue 21's "Done when" for the Channels sheet: a company with channel data gets per-channel CAC
 * and first-year ROI, channel diversity, the worst CAC and ROI month by month and the flags as of
 * the reporting month equal to an oracle worked out by hand from product.md 13 and 4 (never from
 * the code under test), in HyperFormula and after LibreOffice and Gnumeric recalculate.
 *
 * Four months of data on a 12-month timeline from January 2026 (MRR typed on Tracking in months
 * 1-4, so the reporting month is month 4). Spend S, new customers C, new MRR M per month:
 * - Paid advertising: (5000, 40, 2000), (6000, 75, 2500), (6000, 0, 0), (4400, 40, 1100)
 * - Content marketing: (0, 5, 500), nothing in month 2, (1000, 20, 300), (900, 10, 250)
 * - Social media: (0, 0, 0) every month (no activity: not counted in the diversity)
 * - Email marketing: month 4 only, (300, 3, 100): CAC and ROI exactly at the seed's strict targets
 * - Partnerships: month 4 only, (80, 0, 0): money that brought no customer, under the CAC target
 * - "Webinars" (the user's first channel): month 2 (2000, 10, no MRR typed), month 4 (1000, 20, 500)
 * - The user's second channel: month 4, no spend typed, 7 customers, 700 new MRR
 * CAC = S / C, blank where either is missing; where C is 0, blank if S is 0 too, else S itself (the
 * least that CAC can be: one customer would have cost S) and the channel's CAC flag is RISK whatever
 * S is (a finance user wants money that brought nobody flagged); ROI = (12 M - S) / S, blank where S is 0 or
 * either is missing. Judged against "CAC by channel: <$100" (strict, lower; WATCH up to $110),
 * "ROI by channel: >300%" (strict, higher; WATCH from 270%) and "Channel diversity: 10+" (WATCH
 * from 9). The Departments sheet's "CAC by channel" row reads the highest CAC month by month.
 * The highest CAC's flag, and the Departments row's, is RISK where any channel spent and got no
 * customer in the reporting month: that channel has no CAC under $100 (here partnerships' $80 with
 * no customer, while the highest CAC, paid advertising's $110, alone would be WATCH).
 * A second company (SMALL_SPEND) has every CAC under $100 but one channel's $80 with no customer:
 * the highest CAC is $80, and RISK, never OK.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { CHANNEL_SLOTS, ChannelMeasure, channelKey } from "../../src/core/department-rows";
import { NAMES, TimelineValue, WorkbookSpec, cellPosition, columnLetter, describeWorkbook } from "../../src/core/template";
import { CHANNELS } from "../../src/core/template/channels-layout";
import { DEPARTMENTS_SHEET, departmentMonthColumn } from "../../src/core/template/departments-layout";
import { describeWith } from "../engines/engines";
import { loadWorkbook } from "../support/hf-workbook";
import { Values, recalculatedByBoth } from "../support/recalculated";
import { sameValue } from "../support/scenarios";

type Month = [spend?: number, customers?: number, newMrr?: number];
const _: Month = [];

const DATA: Record<string, Month[]> = {
  paid_advertising: [[5000, 40, 2000], [6000, 75, 2500], [6000, 0, 0], [4400, 40, 1100]],
  content_marketing: [[0, 5, 500], _, [1000, 20, 300], [900, 10, 250]],
  social_media: [[0, 0, 0], [0, 0, 0], [0, 0, 0], [0, 0, 0]],
  email_marketing: [_, _, _, [300, 3, 100]],
  partnerships: [_, _, _, [80, 0, 0]],
  user1: [_, [2000, 10], _, [1000, 20, 500]],
  user2: [_, _, _, [undefined, 7, 700]],
};

const MEASURES: ChannelMeasure[] = ["spend", "customers", "new_mrr"];

const ACTUALS: TimelineValue[] = [
  ...[1, 2, 3, 4].map((month) => ({ key: "mrr", month, value: 100_000 + 1_000 * month })),
  ...Object.entries(DATA).flatMap(([slot, months]) =>
    months.flatMap((m, i) => MEASURES.flatMap((measure, k) => (m[k] === undefined ? [] : [{ key: channelKey(slot, measure), month: i + 1, value: m[k]! }]))),
  ),
];

const B = ""; // blank
/** By hand, months 1-4 (and month 5: no data, all blank). */
const CAC: Record<string, (number | string)[]> = {
  paid_advertising: [125, 80, 6000, 110, B],
  content_marketing: [0, B, 50, 90, B],
  social_media: [B, B, B, B, B],
  email_marketing: [B, B, B, 100, B],
  partnerships: [B, B, B, 80, B],
  user1: [B, 200, B, 50, B],
  user2: [B, B, B, B, B],
};
const ROI: Record<string, (number | string)[]> = {
  paid_advertising: [3.8, 4, -1, 2, B],
  content_marketing: [B, B, 2.6, 2100 / 900, B],
  social_media: [B, B, B, B, B],
  email_marketing: [B, B, B, 3, B],
  partnerships: [B, B, B, -1, B],
  user1: [B, B, B, 5, B],
  user2: [B, B, B, B, B],
};
const DIVERSITY = [2, 2, 2, 6, B];
const WORST_CAC = [125, 200, 6000, 110, B];
const WORST_ROI = [3.8, 4, -1, -1, B];
const TOTALS: Record<ChannelMeasure, (number | string)[]> = {
  spend: [5000, 8000, 7000, 6680, B],
  customers: [45, 85, 20, 80, B],
  new_mrr: [2500, 2500, 300, 2650, B],
};
const BLENDED_CAC = [5000 / 45, 8000 / 85, 350, 83.5, B];
/** Reporting month 4: per channel [CAC flag, ROI flag]. */
const FLAGS: Record<string, [string, string]> = {
  paid_advertising: ["WATCH", "RISK"],
  content_marketing: ["OK", "RISK"],
  social_media: [B, B],
  email_marketing: ["WATCH", "WATCH"],
  partnerships: ["RISK", "RISK"],
  user1: ["OK", "OK"],
  user2: [B, B],
  user3: [B, B],
};
const KPI_FLAGS = { diversity: "RISK", worstCac: "RISK", worstRoi: "RISK" };

const COMPANY = { company: "Channel Co", currency: "USD", firstMonth: "2026-01", months: 12, actuals: ACTUALS } as const;

/** The user's name for their first channel, typed in its named cell. */
function withUserName(spec: WorkbookSpec, name: string): WorkbookSpec {
  const ref = spec.names.find((n) => n.name === NAMES.channelName("user1"))!.ref.replace(/\$/g, "");
  return { ...spec, sheets: spec.sheets.map((s) => (s.key !== "channels" ? s : { ...s, cells: s.cells.map((c) => (c.ref === ref ? { ...c, value: name } : c)) })) };
}

function company(language: "en" | "es"): WorkbookSpec {
  return withUserName(describeWorkbook({ ...COMPANY, language }), "Webinars");
}

type Read = (sheet: string, ref: string) => unknown;

const monthCell = (row: number, t: number) => `${columnLetter(CHANNELS.columns.firstMonth + t - 1)}${row}`;

/** Every difference between the Channels sheet and the oracle, as "what: got, want". */
function mismatches(spec: WorkbookSpec, read: Read): string[] {
  const sheet = spec.sheets.find((s) => s.key === "channels")!.name;
  const wrong: string[] = [];
  const check = (what: string, ref: string, want: unknown) => {
    const got = read(sheet, ref);
    if (!sameValue(got ?? "", want)) wrong.push(`${what} (${ref}): ${JSON.stringify(got)}, want ${JSON.stringify(want)}`);
  };
  const slot = (id: string) => CHANNEL_SLOTS.indexOf(id);
  const named = (name: string) => cellPosition(spec.names.find((n) => n.name === name)!.ref.replace(/\$/g, "").split(":")[0]).row;
  for (const [id, months] of Object.entries(CAC)) months.forEach((want, i) => check(`${id} CAC month ${i + 1}`, monthCell(CHANNELS.cacRow(slot(id)), i + 1), want));
  for (const [id, months] of Object.entries(ROI)) months.forEach((want, i) => check(`${id} ROI month ${i + 1}`, monthCell(CHANNELS.roiRow(slot(id)), i + 1), want));
  const monthRows: [string, number, (number | string)[]][] = [
    [NAMES.channelDiversity, named(NAMES.channelDiversity), DIVERSITY],
    [NAMES.channelWorstCac, named(NAMES.channelWorstCac), WORST_CAC],
    [NAMES.channelWorstRoi, named(NAMES.channelWorstRoi), WORST_ROI],
    ...MEASURES.map((m): [string, number, (number | string)[]] => [`total ${m}`, CHANNELS.totalRow(m), TOTALS[m]]),
    ["blended CAC", CHANNELS.blendedCacRow, BLENDED_CAC],
  ];
  for (const [what, row, months] of monthRows) months.forEach((want, i) => check(`${what} month ${i + 1}`, monthCell(row, i + 1), want));
  const departments = spec.sheets.find((s) => s.key === "departments")!.name;
  const cacByChannel = DEPARTMENTS_SHEET.kpiRow("marketing.cac_by_channel");
  WORST_CAC.forEach((want, i) => {
    const ref = `${columnLetter(departmentMonthColumn(i + 1))}${cacByChannel}`;
    const got = read(departments, ref);
    if (!sameValue(got ?? "", want)) wrong.push(`Departments CAC by channel month ${i + 1} (${ref}): ${JSON.stringify(got)}, want ${JSON.stringify(want)}`);
  });
  const flag = (row: number) => `${columnLetter(CHANNELS.columns.flag)}${row}`;
  for (const [id, [cac, roi]] of Object.entries(FLAGS)) {
    check(`${id} CAC flag`, flag(CHANNELS.cacRow(slot(id))), cac);
    check(`${id} ROI flag`, flag(CHANNELS.roiRow(slot(id))), roi);
  }
  check("diversity flag", flag(named(NAMES.channelDiversity)), KPI_FLAGS.diversity);
  check("worst CAC flag", flag(named(NAMES.channelWorstCac)), KPI_FLAGS.worstCac);
  check("worst ROI flag", flag(named(NAMES.channelWorstRoi)), KPI_FLAGS.worstRoi);
  const onDepartments = read(departments, namedRef(spec, NAMES.departmentFlag("marketing.cac_by_channel")));
  if (onDepartments !== KPI_FLAGS.worstCac) wrong.push(`Departments CAC by channel flag: ${JSON.stringify(onDepartments)}, want ${KPI_FLAGS.worstCac}`);
  check("the user's channel name", `A${CHANNELS.blockRow(slot("user1"))}`, "Webinars");
  return wrong;
}

const namedRef = (spec: WorkbookSpec, name: string) => spec.names.find((n) => n.name === name)!.ref.replace(/\$/g, "");

/**
 * Month 1 only: paid advertising (5000, 100, 2000), a CAC of $50; partnerships (80, 0, 0): spend
 * with no customer, counted as $80 in the highest CAC, under the $100 target. The highest CAC is
 * $80 and its flag RISK, as the Departments sheet's "CAC by channel" flag: a channel that spent and
 * got nobody has no CAC under $100 (product.md 13, CAC = spend ÷ new customers).
 */
const SMALL_SPEND: TimelineValue[] = [
  { key: "mrr", month: 1, value: 100_000 },
  ...(
    [
      ["paid_advertising", [5000, 100, 2000]],
      ["partnerships", [80, 0, 0]],
    ] as const
  ).flatMap(([slot, m]) => MEASURES.map((measure, k) => ({ key: channelKey(slot, measure), month: 1, value: m[k] }))),
];
const smallSpend = (language: "en" | "es") => describeWorkbook({ ...COMPANY, language, actuals: SMALL_SPEND });

/** The small-spend company's highest CAC (Channels, reporting month) and flags on both sheets. */
function smallSpendMismatches(spec: WorkbookSpec, read: Read): string[] {
  const channels = spec.sheets.find((s) => s.key === "channels")!.name;
  const departments = spec.sheets.find((s) => s.key === "departments")!.name;
  const row = cellPosition(namedRef(spec, NAMES.channelWorstCac).split(":")[0]).row;
  const got = {
    worstCac: read(channels, `${columnLetter(CHANNELS.columns.reporting)}${row}`),
    worstCacFlag: read(channels, `${columnLetter(CHANNELS.columns.flag)}${row}`),
    partnershipsFlag: read(channels, `${columnLetter(CHANNELS.columns.flag)}${CHANNELS.cacRow(CHANNEL_SLOTS.indexOf("partnerships"))}`),
    departmentsFlag: read(departments, namedRef(spec, NAMES.departmentFlag("marketing.cac_by_channel"))),
  };
  const want = { worstCac: 80, worstCacFlag: "RISK", partnershipsFlag: "RISK", departmentsFlag: "RISK" };
  return Object.keys(want).flatMap((k) => (sameValue(got[k as keyof typeof got], want[k as keyof typeof want]) ? [] : [`${k}: ${JSON.stringify(got[k as keyof typeof got])}, want ${JSON.stringify(want[k as keyof typeof want])}`]));
}

const fromValues = (values: Values): Read => (sheet, ref) => values.get(sheet)?.get(ref) ?? null;

describe("the channel company in HyperFormula", () => {
  test.each(["en", "es"] as const)("%s: CAC, ROI, diversity, the worst of each and the flags are the oracle's", (language) => {
    const spec = company(language);
    const hf = loadWorkbook(spec);
    expect(mismatches(spec, (sheet, ref) => hf.value(sheet, ref))).toEqual([]);
  });

  test.each(["en", "es"] as const)("%s: $80 spent with no customer makes the highest CAC RISK, on the Channels and Departments sheets, though $80 is under the target", (language) => {
    const spec = smallSpend(language);
    const hf = loadWorkbook(spec);
    expect(smallSpendMismatches(spec, (sheet, ref) => hf.value(sheet, ref))).toEqual([]);
  });
});

describeWith(["libreoffice", "gnumeric"], "the channel company recalculated by LibreOffice and Gnumeric", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "scale-channels-"));
  const cases = [
    ...(["en", "es"] as const).map((language) => ({ language, spec: company(language), file: path.join(dir, `channels-${language}.xlsx`) })),
    { language: "en" as const, spec: smallSpend("en"), file: path.join(dir, "channels-small-spend.xlsx") },
  ];
  let libre: Values[] = [];
  let gnumeric: Values[] = [];

  beforeAll(async () => {
    ({ libre, gnumeric } = await recalculatedByBoth(cases, dir));
  }, 600_000);

  test.each([0, 1])("case %i: the Channels sheet holds the oracle's values in both engines", (i) => {
    expect({ engine: "LibreOffice", wrong: mismatches(cases[i].spec, fromValues(libre[i])) }).toEqual({ engine: "LibreOffice", wrong: [] });
    expect({ engine: "Gnumeric", wrong: mismatches(cases[i].spec, fromValues(gnumeric[i])) }).toEqual({ engine: "Gnumeric", wrong: [] });
  });

  test("the small-spend company: the highest CAC $80 and RISK on both sheets, in both engines", () => {
    expect({ engine: "LibreOffice", wrong: smallSpendMismatches(cases[2].spec, fromValues(libre[2])) }).toEqual({ engine: "LibreOffice", wrong: [] });
    expect({ engine: "Gnumeric", wrong: smallSpendMismatches(cases[2].spec, fromValues(gnumeric[2])) }).toEqual({ engine: "Gnumeric", wrong: [] });
  });
});
