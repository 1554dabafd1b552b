import { findCaseId, findCaseIds } from "../../src/domain/caseId";

describe("findCaseIds: every case id a text cites", () => {
  it("lists distinct canonical ids in order of first appearance", () => {
    expect(findCaseIds("RE: [CM-2611-7F3K] y [cm 2611 h7qk], otra vez CM-2611-7F3K")).toEqual([
      "CM-2611-7F3K",
      "CM-2611-H7QK",
    ]);
  });

  it("skips look-alikes and glued tokens, and finds nothing in a text without ids", () => {
    expect(findCaseIds("XCM-2611-7F3K CM-2613-7F3K CM-2611-7F3KZZ")).toEqual([]);
    expect(findCaseIds("Solicitud de envío")).toEqual([]);
  });

  it("agrees with findCaseId on the first id", () => {
    const subject = "RV: [CM-2612-ABCD] relacionado con [CM-2611-7F3K]";
    expect(findCaseIds(subject)[0]).toBe(findCaseId(subject));
  });
});
