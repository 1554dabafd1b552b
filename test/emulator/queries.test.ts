// List queries over HTTP: $filter (incl. extended properties via Any), $orderby and the InefficientFilter rule,
// $top/$skip/@odata.nextLink, $count, and refusals of what Graph refuses.
import {
  ANA,
  CASE_ID_PROP,
  COMMS,
  STATE_PROP,
  errorCode,
  incoming,
  list,
  obj,
  setupEmulator,
} from "./helpers";

const h = setupEmulator();

function seedCases(): void {
  const cases: Array<[string, string, string, string]> = [
    ["Uno", "CM-2611-AAAA", "received", "2026-11-20T10:00:00Z"],
    ["Dos", "CM-2611-BBBB", "forwarded", "2026-11-21T10:00:00Z"],
    ["Tres", "CM-2612-CCCC", "forwarded", "2026-11-22T10:00:00Z"],
    ["Cuatro", "CM-2612-DDDD", "closed", "2026-11-23T10:00:00Z"],
  ];
  for (const [subject, caseId, state, received] of cases) {
    h.tenant.deliver(
      COMMS,
      incoming(subject, {
        receivedDateTime: received,
        singleValueExtendedProperties: [
          { id: CASE_ID_PROP, value: caseId },
          { id: STATE_PROP, value: state },
        ],
      }),
    );
  }
  h.tenant.deliver(COMMS, incoming("Sin caso", { receivedDateTime: "2026-11-24T10:00:00Z" }));
}

async function subjects(query: string): Promise<string[]> {
  const reply = await h.call(h.token(ANA), "GET", `/users/${COMMS}/messages?${query}`);
  expect(reply.status).toBe(200);
  return list(reply.body).map((m) => String(m.subject));
}

function q(params: Record<string, string>): string {
  return new URLSearchParams(params).toString();
}

const anyState = (op: string) => `singleValueExtendedProperties/Any(ep: ep/id eq '${STATE_PROP}' and ${op})`;

describe("$filter on extended properties", () => {
  beforeEach(seedCases);

  it("matches eq on the value, with the default newest-first order", async () => {
    expect(await subjects(q({ $filter: anyState("ep/value eq 'forwarded'") }))).toEqual(["Tres", "Dos"]);
  });

  it("matches ne and startswith inside the lambda", async () => {
    expect(await subjects(q({ $filter: anyState("ep/value ne 'forwarded'") }))).toEqual(["Cuatro", "Uno"]);
    const byPrefix = `singleValueExtendedProperties/Any(ep: ep/id eq '${CASE_ID_PROP}' and startswith(ep/value,'CM-2612'))`;
    expect(await subjects(q({ $filter: byPrefix }))).toEqual(["Cuatro", "Tres"]);
  });

  it("compares values case-insensitively and ids with any GUID case", async () => {
    const lowerGuid = STATE_PROP.replace("C000", "c000");
    expect(
      await subjects(
        q({
          $filter: `singleValueExtendedProperties/Any(ep: ep/id eq '${lowerGuid}' and ep/value eq 'CLOSED')`,
        }),
      ),
    ).toEqual(["Cuatro"]);
  });

  it("treats the Name part as case-sensitive, as Graph documents", async () => {
    const otherCase = CASE_ID_PROP.replace("pregon.caseId", "pregon.caseid");
    expect(
      await subjects(q({ $filter: `singleValueExtendedProperties/Any(ep: ep/id eq '${otherCase}')` })),
    ).toEqual([]);
  });

  it("combines lambdas with or, and with ordinary property comparisons", async () => {
    const either = `${anyState("ep/value eq 'received'")} or ${anyState("ep/value eq 'closed'")}`;
    expect(await subjects(q({ $filter: either }))).toEqual(["Cuatro", "Uno"]);
    const withDate = `receivedDateTime ge 2026-11-21T12:00:00Z and ${anyState("ep/value eq 'forwarded'")}`;
    expect(await subjects(q({ $filter: withDate }))).toEqual(["Tres"]);
    const withDraft = `isDraft eq false and subject eq 'dos' and singleValueExtendedProperties/Any(ep: ep/id eq '${CASE_ID_PROP}')`;
    expect(await subjects(q({ $filter: withDraft }))).toEqual(["Dos"]);
  });

  it("requires ep/id eq inside the lambda, and refuses any() on recipients", async () => {
    const token = h.token(ANA);
    const noId = await h.call(
      token,
      "GET",
      `/users/${COMMS}/messages?${q({ $filter: "singleValueExtendedProperties/Any(ep: ep/value eq 'x')" })}`,
    );
    expect(noId.status).toBe(400);
    expect(errorCode(noId.body)).toBe("ErrorInvalidUrlQueryFilter");
    const recipients = await h.call(
      token,
      "GET",
      `/users/${COMMS}/messages?${q({ $filter: "toRecipients/any(r: r/emailAddress/address eq 'a@b.c')" })}`,
    );
    expect(errorCode(recipients.body)).toBe("ErrorInvalidUrlQueryFilter");
  });
});

describe("$filter on message properties", () => {
  beforeEach(seedCases);

  it("filters by conversationId and by categories/any", async () => {
    const token = h.token(ANA);
    const all = list((await h.call(token, "GET", `/users/${COMMS}/messages?$top=50`)).body);
    const target = all.find((m) => m.subject === "Dos");
    expect(await subjects(q({ $filter: `conversationId eq '${String(target?.conversationId)}'` }))).toEqual([
      "Dos",
    ]);
    await h.call(token, "PATCH", `/users/${COMMS}/messages/${encodeURIComponent(String(target?.id))}`, {
      categories: ["Pregón: En TIC"],
    });
    expect(await subjects(q({ $filter: "categories/any(c: c eq 'pregón: en tic')" }))).toEqual(["Dos"]);
  });

  it("refuses operand types that do not match (isDraft eq 'false') and unknown properties", async () => {
    const token = h.token(ANA);
    const wrongType = await h.call(
      token,
      "GET",
      `/users/${COMMS}/messages?${q({ $filter: "isDraft eq 'false'" })}`,
    );
    expect(wrongType.status).toBe(400);
    expect(errorCode(wrongType.body)).toBe("BadRequest");
    const unknown = await h.call(token, "GET", `/users/${COMMS}/messages?${q({ $filter: "caseId eq 'x'" })}`);
    expect(unknown.status).toBe(400);
    const endswith = await h.call(
      token,
      "GET",
      `/users/${COMMS}/messages?${q({ $filter: "endswith(subject,'s')" })}`,
    );
    expect(errorCode(endswith.body)).toBe("ErrorInvalidUrlQueryFilter");
  });
});

describe("$orderby", () => {
  beforeEach(seedCases);

  it("answers 400 InefficientFilter when the sorted property does not lead the filter", async () => {
    const reply = await h.call(
      h.token(ANA),
      "GET",
      `/users/${COMMS}/messages?${q({ $filter: anyState("ep/value eq 'forwarded'"), $orderby: "receivedDateTime desc" })}`,
    );
    expect(reply.status).toBe(400);
    expect(errorCode(reply.body)).toBe("InefficientFilter");
    expect(obj(obj(reply.body).error).message).toBe(
      "The restriction or sort order is too complex for this operation.",
    );
  });

  it("sorts when the sorted properties lead the filter in the same order", async () => {
    const filter = `receivedDateTime ge 1900-01-01T00:00:00Z and ${anyState("ep/value eq 'forwarded'")}`;
    expect(await subjects(q({ $filter: filter, $orderby: "receivedDateTime asc" }))).toEqual(["Dos", "Tres"]);
    const twoKeys = `receivedDateTime ge 1900-01-01T00:00:00Z and subject ne 'x'`;
    const reply = await h.call(
      h.token(ANA),
      "GET",
      `/users/${COMMS}/messages?${q({ $filter: twoKeys, $orderby: "subject asc,receivedDateTime desc" })}`,
    );
    expect(errorCode(reply.body)).toBe("InefficientFilter");
    expect(await subjects(q({ $filter: twoKeys, $orderby: "receivedDateTime desc,subject asc" }))).toEqual([
      "Sin caso",
      "Cuatro",
      "Tres",
      "Dos",
      "Uno",
    ]);
  });

  it("sorts without a filter, on several keys", async () => {
    expect(await subjects(q({ $orderby: "subject" }))).toEqual(["Cuatro", "Dos", "Sin caso", "Tres", "Uno"]);
  });
});

describe("paging and $count", () => {
  beforeEach(seedCases);

  it("pages with $top and an opaque @odata.nextLink that keeps the other options", async () => {
    const token = h.token(ANA);
    const first = obj(
      (await h.call(token, "GET", `/users/${COMMS}/messages?$top=2&$select=subject&$count=true`)).body,
    );
    expect(first["@odata.count"]).toBe(5);
    expect(list(first).map((m) => m.subject)).toEqual(["Sin caso", "Cuatro"]);
    const next = String(first["@odata.nextLink"]);
    expect(next).toMatch(/^https:\/\/graph\.microsoft\.com\/v1\.0\/users\/.+\$skiptoken=/);
    expect(next).toContain("$select=subject");
    const second = obj((await h.call(token, "GET", next)).body);
    expect(list(second).map((m) => m.subject)).toEqual(["Tres", "Dos"]);
    const third = obj((await h.call(token, "GET", String(second["@odata.nextLink"]))).body);
    expect(list(third).map((m) => m.subject)).toEqual(["Uno"]);
    expect(third).not.toHaveProperty("@odata.nextLink");
  });

  it("defaults $top to 10, honours $skip, and refuses $top above 1000", async () => {
    expect(await subjects("$skip=3")).toEqual(["Dos", "Uno"]);
    const reply = await h.call(h.token(ANA), "GET", `/users/${COMMS}/messages?$top=1001`);
    expect(reply.status).toBe(400);
  });

  it("refuses a bad $skiptoken and options it does not know", async () => {
    const token = h.token(ANA);
    expect((await h.call(token, "GET", `/users/${COMMS}/messages?$skiptoken=garbage`)).status).toBe(400);
    expect((await h.call(token, "GET", `/users/${COMMS}/messages?$apply=x`)).status).toBe(400);
  });
});

describe("$count", () => {
  beforeEach(seedCases);

  it("GET …/messages/$count answers the number of matching messages as text/plain", async () => {
    const token = h.token(ANA);
    const all = await h.call(token, "GET", `/users/${COMMS}/messages/$count`);
    expect(all.headers.get("content-type")).toContain("text/plain");
    expect(all.body).toBe("5");
    const some = await h.call(
      token,
      "GET",
      `/users/${COMMS}/mailFolders/inbox/messages/$count?${q({ $filter: anyState("ep/value eq 'forwarded'") })}`,
    );
    expect(some.body).toBe("2");
  });

  it("refuses $search as not emulated rather than ignoring it", async () => {
    const reply = await h.call(h.token(ANA), "GET", `/users/${COMMS}/messages?$search="movilidad"`);
    expect(reply.status).toBe(501);
  });
});
