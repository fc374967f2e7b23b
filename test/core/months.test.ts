import { dateSerial, monthSerial, yearMonthOf } from "../../src/core/months";

// Oracles: Microsoft's DATE function page (2008-01-01 is serial 39448) and ECMA-376's Date
// Conversion for Serial Values (1900 base: 2006-02-01 is 38749, 9999-12-31 is 2,958,465; the time of day is the fraction).
test("a date's Excel serial: days since 1899-12-30, the time of day as the fraction", () => {
  expect(dateSerial(new Date(Date.UTC(2008, 0, 1)))).toBe(39448);
  expect(dateSerial(new Date(Date.UTC(2006, 1, 1)))).toBe(38749);
  expect(dateSerial(new Date(Date.UTC(9999, 11, 31)))).toBe(2_958_465);
  expect(dateSerial(new Date(Date.UTC(2008, 0, 1, 18)))).toBe(39448.75);
});

test("a month's first day and a serial's month agree with the same serials", () => {
  expect(monthSerial("2008-01")).toBe(39448);
  expect(monthSerial("2006-02")).toBe(38749);
  expect([yearMonthOf(39448), yearMonthOf(39448.75), yearMonthOf(38749 - 1)]).toEqual(["2008-01", "2008-01", "2006-01"]);
});
