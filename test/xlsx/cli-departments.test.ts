/**
 * `scale-tracker template --actuals FILE` with the Departments and Channels sheets' rows (product.md
 * 13, docs/import.md): a win rate and a channel's spend land in the month cells the sheets name
 * `Dept_sales_win_rate` and `Channel_paid_advertising_spend` in the exported .xlsx; `--budget` with
 * such a row is refused, naming it, and writes nothing. Runs the command line's own main() (src/cli).
 */
import * as fs from "fs";
import { namedRow, templateCli } from "../support/cli-template";

const { at, cli, read } = templateCli("scale-departments-");

const CSV = "KPI,2026-01,2026-02,2026-03\nMRR,100000,110000,\nsales.win_rate,0.35,0.38,\nPaid advertising spend,5000,,6000\nErrors,120,90,\n";

test("a win rate, a change KPI's measured value and a channel's spend land in their month cells on the Departments and Channels sheets", async () => {
  fs.writeFileSync(at("actuals.csv"), CSV);
  const run = await cli(["--out", at("d.xlsx"), "--first-month", "2026-01", "--months", "12", "--actuals", at("actuals.csv")]);
  expect([run.status, run.stderr]).toEqual([0, ""]);
  expect(run.stdout).toContain("12 months from 2026-01, 8 values");
  const wb = await read("d.xlsx");
  const winRate = namedRow(wb, "Dept_sales_win_rate");
  expect(winRate.sheet).toBe("Departments");
  expect(winRate.values.slice(0, 3)).toEqual([0.35, 0.38, null]);
  expect(namedRow(wb, "Dept_operations_error_reduction_value").values.slice(0, 3)).toEqual([120, 90, null]);
  const spend = namedRow(wb, "Channel_paid_advertising_spend");
  expect(spend.sheet).toBe("Channels");
  expect(spend.values.slice(0, 3)).toEqual([5000, null, 6000]);
  expect(namedRow(wb, "Tracking_mrr").values.slice(0, 2)).toEqual([100000, 110000]);
});

test("in Spanish the same rows land on Áreas and Canales", async () => {
  fs.writeFileSync(at("es.csv"), "KPI;ene 2026;feb 2026\nWin rate;0,4;0,42\nGasto en publicidad pagada;5000;6000\n");
  const run = await cli(["--out", at("es.xlsx"), "--lang", "es", "--months", "12", "--actuals", at("es.csv")]);
  expect([run.status, run.stderr]).toEqual([0, ""]);
  const wb = await read("es.xlsx");
  expect(namedRow(wb, "Dept_sales_win_rate")).toMatchObject({ sheet: "Áreas", values: expect.arrayContaining([0.4, 0.42]) });
  expect(namedRow(wb, "Channel_paid_advertising_spend").values.slice(0, 2)).toEqual([5000, 6000]);
  expect(namedRow(wb, "Channel_paid_advertising_spend").sheet).toBe("Canales");
});

test("--map reads a label as a Departments or Channels row: a channel of the user's own", async () => {
  fs.writeFileSync(at("own.csv"), "metric,month,value\nTikTok spend,2026-02,800\n");
  const run = await cli(["--out", at("own.xlsx"), "--first-month", "2026-01", "--months", "12", "--actuals", at("own.csv"), "--map", "TikTok spend=channel.user1.spend"]);
  expect([run.status, run.stderr]).toEqual([0, ""]);
  expect(namedRow(await read("own.xlsx"), "Channel_user1_spend").values.slice(0, 2)).toEqual([null, 800]);
});

test("--budget with a Departments or Channels row: refused, naming the row and the sheet, no file written", async () => {
  fs.writeFileSync(at("budget.csv"), CSV);
  const run = await cli(["--out", at("budget.xlsx"), "--first-month", "2026-01", "--budget", at("budget.csv")]);
  expect(run.status).toBe(2);
  expect(run.stderr).toContain(
    "line 3, column Jan 2026: sales.win_rate is typed on the Departments sheet; the Budget sheet holds the Tracking sheet's rows only: import it with the actuals, or remove it from the budget",
  );
  expect(run.stderr).toContain("line 4, column Jan 2026: channel.paid_advertising.spend is typed on the Channels sheet");
  expect(fs.existsSync(at("budget.xlsx"))).toBe(false);
});
