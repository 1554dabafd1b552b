// Directory groups: mail-enabled filters, member counts with ConsistencyLevel: eventual, and their refusals.
import { ANA, DOMAIN, STUDENTS, errorCode, list, obj, setupEmulator } from "./helpers";

const h = setupEmulator();

async function groupId(address: string): Promise<string> {
  const reply = await h.call(
    h.token(ANA),
    "GET",
    `/groups?${new URLSearchParams({ $filter: `mail eq '${address}'`, $select: "id,mail" }).toString()}`,
  );
  const [group] = list(reply.body);
  return String(group?.id);
}

describe("GET /groups", () => {
  it("filters mail-enabled groups, by mail and by startswith(mail), with $select", async () => {
    const token = h.token(ANA);
    const all = list(
      (await h.call(token, "GET", "/groups?$filter=mailEnabled eq true&$select=displayName,mail")).body,
    );
    expect(all.map((g) => g.displayName)).toEqual(["Consejo Académico", "Docentes", "Estudiantes"]);
    expect(Object.keys(all[0] ?? {}).sort()).toEqual(["displayName", "id", "mail"]);
    const byMail = list(
      (
        await h.call(
          token,
          "GET",
          `/groups?$filter=${encodeURIComponent(`mail eq '${STUDENTS.toUpperCase()}'`)}`,
        )
      ).body,
    );
    expect(byMail.map((g) => g.mail)).toEqual([STUDENTS]);
    const byPrefix = list(
      (await h.call(token, "GET", `/groups?$filter=${encodeURIComponent("startswith(mail,'doc')")}`)).body,
    );
    expect(byPrefix.map((g) => g.mail)).toEqual([`docentes@${DOMAIN}`]);
  });

  it("answers $count=true only with ConsistencyLevel: eventual (400 Request_BadRequest otherwise)", async () => {
    const token = h.token(ANA);
    const without = await h.call(token, "GET", "/groups?$count=true&$filter=mailEnabled eq true");
    expect(without.status).toBe(400);
    expect(errorCode(without.body)).toBe("Request_BadRequest");
    const withHeader = await h.call(
      token,
      "GET",
      "/groups?$count=true&$filter=mailEnabled eq true",
      undefined,
      { ConsistencyLevel: "eventual" },
    );
    expect(obj(withHeader.body)["@odata.count"]).toBe(3);
    const endsWith = await h.call(
      token,
      "GET",
      `/groups?$filter=${encodeURIComponent("endswith(mail,'.example')")}`,
    );
    expect(errorCode(endsWith.body)).toBe("Request_UnsupportedQuery");
  });

  it("pages with $top and @odata.nextLink", async () => {
    const token = h.token(ANA);
    const first = obj((await h.call(token, "GET", "/groups?$top=2")).body);
    expect(list(first)).toHaveLength(2);
    const second = obj((await h.call(token, "GET", String(first["@odata.nextLink"]))).body);
    expect(list(second)).toHaveLength(1);
  });
});

describe("group members", () => {
  it("GET /groups/{id}/members/$count returns the directory count as text/plain with ConsistencyLevel: eventual", async () => {
    const id = await groupId(STUDENTS);
    const reply = await h.call(h.token(ANA), "GET", `/groups/${id}/members/$count`, undefined, {
      ConsistencyLevel: "eventual",
    });
    expect(reply.status).toBe(200);
    expect(reply.headers.get("content-type")).toContain("text/plain");
    expect(reply.body).toBe("18432");
  });

  it("answers 400 Request_BadRequest without the ConsistencyLevel header", async () => {
    const id = await groupId(STUDENTS);
    const reply = await h.call(h.token(ANA), "GET", `/groups/${id}/members/$count`);
    expect(reply.status).toBe(400);
    expect(errorCode(reply.body)).toBe("Request_BadRequest");
  });

  it("lists the member mailboxes that exist, and 404s an unknown group", async () => {
    const id = await groupId(STUDENTS);
    const token = h.token(ANA);
    const members = obj(
      (
        await h.call(token, "GET", `/groups/${id}/members?$count=true`, undefined, {
          ConsistencyLevel: "eventual",
        })
      ).body,
    );
    expect(members["@odata.count"]).toBe(18432);
    expect(list(members).map((m) => m.mail)).toEqual([`laura@${DOMAIN}`, `juan@${DOMAIN}`]);
    const unknown = await h.call(token, "GET", "/groups/00000000-0000-0000-0000-000000000000");
    expect(unknown.status).toBe(404);
    expect(errorCode(unknown.body)).toBe("Request_ResourceNotFound");
  });
});
