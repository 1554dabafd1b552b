// What loading 50,000 cases asks of Graph (issue 11): pages of 1,000, each with only the id, the subject and
// the two case properties the rows read, and the emulator filtering the mailbox once for the whole listing.
import { encodeCase } from "../../src/domain/codec";
import { CASE_PROPERTY_IDS } from "../../src/graph";
import { listCasesQuery } from "../../src/graph/caseQuery";
import {
  CaseRowList,
  dashboardQuery,
  firstDashboardPage,
  nextDashboardPage,
} from "../../src/workflow/dashboard";
import { IT_LIST_FIELDS, IT_LIST_PROPS, IT_PAGE_SIZE } from "../../src/workflow/it/itDashboard";
import { requestJson, seededCase } from "../support/manyCases";
import { logged } from "../support/requestLog";
import { COMMUNICATIONS, setupWorld } from "../support/world";

const world = setupWorld();
const CASES = 50_000;

describe("the dashboard's requests", () => {
  it("asks for the id, the subject, the internetMessageId (whose record it is) and only the case id and record", () => {
    const params = new URLSearchParams(listCasesQuery(dashboardQuery()).replace(/^\?/, ""));
    expect(params.get("$top")).toBe("1000");
    expect(params.get("$select")).toBe("id,subject,internetMessageId");
    const expand = params.get("$expand") ?? "";
    expect(expand).toContain(CASE_PROPERTY_IDS.caseId);
    expect(expand).toContain(CASE_PROPERTY_IDS.record);
    for (const other of [CASE_PROPERTY_IDS.history, CASE_PROPERTY_IDS.itRecord, CASE_PROPERTY_IDS.state])
      expect(expand).not.toContain(other);
  });

  it("IT's open cases ask for pages of 1,000 with the subject, the arrival, the headers and IT's record", () => {
    const params = new URLSearchParams(
      listCasesQuery({
        withHeaders: true,
        top: IT_PAGE_SIZE,
        fields: IT_LIST_FIELDS,
        props: IT_LIST_PROPS,
      }).replace(/^\?/, ""),
    );
    expect(params.get("$top")).toBe("1000");
    expect(params.get("$select")).toBe("id,subject,receivedDateTime,internetMessageHeaders");
    expect(params.get("$expand")).toBe(
      `singleValueExtendedProperties($filter=id eq '${CASE_PROPERTY_IDS.itRecord}')`,
    );
  });

  it("loads 50,000 cases in 50 requests of 1,000, filtered once by the server", async () => {
    const w = world();
    // Ten distinct records, reused: the figures here are requests and rows, not the cases' variety.
    const cases = Array.from({ length: 10 }, (_, i) => seededCase(i));
    const records = cases.map((c) => encodeCase(c));
    w.tenant.seedMessages(
      COMMUNICATIONS,
      Array.from({ length: CASES }, (_, i) => requestJson(cases[i % 10]!, records[i % 10])),
    );
    const scanned = w.tenant.listings.scanned;
    const { result: list, entries } = await logged(w.tenant, async () => {
      const all = new CaseRowList();
      let page = await firstDashboardPage(w.comms.ctx, COMMUNICATIONS);
      for (;;) {
        all.add(page);
        if (!page.next) break;
        page = await nextDashboardPage(w.comms.ctx, page.next);
      }
      return all.current;
    });
    expect(list.rows).toHaveLength(CASES);
    expect(entries).toHaveLength(50);
    expect(entries.every((e) => e.status === 200 && new URL(e.url).searchParams.get("$top") === "1000")).toBe(
      true,
    );
    expect(
      entries.every((e) => new URL(e.url).searchParams.get("$select") === "id,subject,internetMessageId"),
    ).toBe(true);
    // One pass of the server's filter over the mailbox for all 50 pages.
    expect(w.tenant.listings.scanned - scanned).toBe(CASES);
  }, 600_000);
});
