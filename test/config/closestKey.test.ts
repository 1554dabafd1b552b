import { closestKey } from "../../src/config/closestKey";

describe("closestKey", () => {
  const known = ["timeZone", "name", "defaultLanguage"];

  it("matches a key written in another case", () => {
    expect(closestKey("timezone", known)).toBe("timeZone");
  });

  it("matches a key one or two edits away", () => {
    expect(closestKey("defaultLanguaje", known)).toBe("defaultLanguage");
    expect(closestKey("nme", known)).toBe("name");
  });

  it("suggests nothing for an unrelated key", () => {
    expect(closestKey("colour", known)).toBeUndefined();
  });
});
