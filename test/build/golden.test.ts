import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { GOLDEN_UPDATED, expectGolden } from "./golden";

describe("golden files change only on purpose", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "scale-golden-"));
  const golden = path.join(dir, "x.golden.json");

  test("a difference fails the comparison and leaves the golden file as it was", () => {
    fs.writeFileSync(golden, '{"a":1}');
    expect(() => expectGolden('{"a":2}', golden, {})).toThrow();
    expect(fs.readFileSync(golden, "utf8")).toBe('{"a":1}');
    expect(() => expectGolden('{ "a": 1 }', golden, {})).not.toThrow();
  });

  test("UPDATE_GOLDEN=1 rewrites the golden file and then fails the run", () => {
    fs.writeFileSync(golden, '{"a":1}');
    expect(() => expectGolden('{"a":2}', golden, { UPDATE_GOLDEN: "1" })).toThrow(GOLDEN_UPDATED);
    expect(fs.readFileSync(golden, "utf8")).toBe('{"a":2}');
    expect(GOLDEN_UPDATED).toBe("golden file updated: review the diff and run again");
  });
});
