import { availableActions, offers, showsDueDate } from "../../src/domain/caseOffers";
import { massMailWentOut, nextStates } from "../../src/domain/lifecycle";
import { CASE_STATES } from "../../src/domain/types";
import type { CaseState } from "../../src/domain/types";

describe("what the pane offers per case state", () => {
  const expected: [CaseState, string[], boolean][] = [
    ["received", ["forward", "cancel"], true],
    ["forwarded", ["remind", "update", "cancel"], true],
    ["sent", ["correct"], true], // the mass mail went out: it cannot be unsent (issue 10, point 2)
    ["confirmed", ["relay", "correct"], true],
    ["closed", ["correct"], false],
    ["cancelled", [], false],
  ];

  it("covers every state", () => {
    expect(expected.map(([s]) => s).sort()).toEqual([...CASE_STATES].sort());
  });

  it.each(expected)("%s offers %j; due date shown: %s", (state, actions, due) => {
    expect(availableActions({ state })).toEqual(actions);
    expect(showsDueDate({ state })).toBe(due);
  });

  it("never offers Cancel on a confirmed, closed or cancelled case", () => {
    for (const state of ["confirmed", "closed", "cancelled"] as const) {
      expect(offers({ state }, "cancel")).toBe(false);
    }
  });

  it("offers Cancel only where the lifecycle allows a cancellation", () => {
    for (const state of CASE_STATES) {
      if (offers({ state }, "cancel")) expect(nextStates(state)).toContain("cancelled");
    }
  });

  it("offers a correction exactly where the mass mail went out, which is where the domain accepts one", () => {
    for (const state of CASE_STATES) {
      expect(offers({ state }, "correct")).toBe(massMailWentOut({ state }));
    }
  });
});
