// The directory as Exchange and Graph really show it: dynamic distribution groups that Graph cannot see but
// transport expands, nested groups counted directly and transitively, and groups whose delivery is restricted
// or moderated, which accept the send (202) and then report (or hold) instead of reaching their members.
import type { TenantSpec } from "../../src/emulator";
import { DOMAIN, errorCode, list, obj, setupEmulator } from "./helpers";

const TIC = `tic@${DOMAIN}`;
const LAURA = `laura@${DOMAIN}`;
const PEDRO = `pedro@${DOMAIN}`;
const MARTA = `marta@${DOMAIN}`;
const RECTORIA = `rectoria@${DOMAIN}`;
const SECRETARIA = `secretaria@${DOMAIN}`;
const EGRESADOS = `egresados@${DOMAIN}`;
const PREGRADO = `pregrado@${DOMAIN}`;
const POSGRADO = `posgrado@${DOMAIN}`;
const ESTUDIANTES = `estudiantes@${DOMAIN}`;
const CONSEJO = `consejo@${DOMAIN}`;
const DIRECTIVOS = `directivos@${DOMAIN}`;

const spec: TenantSpec = {
  domain: DOMAIN,
  users: [
    { address: TIC, displayName: "División TIC", preferredLanguage: "es-CO" },
    { address: LAURA, displayName: "Laura" },
    { address: PEDRO, displayName: "Pedro" },
    { address: MARTA, displayName: "Marta" },
    { address: RECTORIA, displayName: "Rectoría" },
    { address: SECRETARIA, displayName: "Secretaría General" },
  ],
  groups: [
    { address: EGRESADOS, displayName: "Egresados", memberCount: 40210, members: [MARTA], dynamic: true },
    { address: PREGRADO, displayName: "Pregrado", memberCount: 15000, members: [LAURA] },
    { address: POSGRADO, displayName: "Posgrado", memberCount: 3000, members: [PEDRO] },
    { address: ESTUDIANTES, displayName: "Estudiantes", memberCount: 12, members: [PREGRADO, POSGRADO] },
    {
      address: CONSEJO,
      displayName: "Consejo Académico",
      memberCount: 25,
      members: [MARTA],
      acceptsMessagesOnlyFrom: [RECTORIA],
    },
    {
      address: DIRECTIVOS,
      displayName: "Directivos",
      memberCount: 60,
      members: [PEDRO],
      moderatedBy: [SECRETARIA],
    },
  ],
};

const h = setupEmulator(spec);
const to = (address: string) => ({ emailAddress: { address } });
const eventual = { ConsistencyLevel: "eventual" };

function inbox(address: string) {
  return h.tenant.storedMessages(address, "inbox");
}

async function groupsWithMail(address: string) {
  const filter = encodeURIComponent(`mail eq '${address}'`);
  return list((await h.call(h.token(TIC), "GET", `/groups?$filter=${filter}&$select=id,mail`)).body);
}

async function count(path: string): Promise<unknown> {
  const reply = await h.call(h.token(TIC), "GET", path, undefined, eventual);
  expect(reply.status).toBe(200);
  return reply.body;
}

describe("dynamic distribution groups", () => {
  it("are not in Graph's /groups, neither by mail nor in the full list", async () => {
    expect(await groupsWithMail(EGRESADOS)).toEqual([]);
    const all = list((await h.call(h.token(TIC), "GET", "/groups?$select=mail")).body);
    expect(all.map((g) => g.mail)).not.toContain(EGRESADOS);
    expect(all.map((g) => g.mail)).toContain(PREGRADO);
  });

  it("still receive mail: transport expands them to their members", async () => {
    const reply = await h.call(h.token(TIC), "POST", "/me/sendMail", {
      message: { subject: "Boletín de egresados", bccRecipients: [to(EGRESADOS)] },
    });
    expect(reply.status).toBe(202);
    expect(inbox(MARTA).map((m) => m.subject)).toEqual(["Boletín de egresados"]);
    expect(inbox(TIC)).toEqual([]);
  });
});

describe("nested groups", () => {
  it("count a nested group as one direct member, and its members only transitively", async () => {
    const [group] = await groupsWithMail(ESTUDIANTES);
    const id = String(group?.id);
    expect(await count(`/groups/${id}/members/$count`)).toBe("14");
    expect(await count(`/groups/${id}/transitiveMembers/$count`)).toBe("18014");
    expect(await count(`/groups/${id}/transitiveMembers/microsoft.graph.user/$count`)).toBe("18012");
    expect(await count(`/groups/${id}/members/microsoft.graph.group/$count`)).toBe("2");
  });

  it("list nested groups as group objects among the direct members, and their users transitively", async () => {
    const [group] = await groupsWithMail(ESTUDIANTES);
    const id = String(group?.id);
    const direct = list((await h.call(h.token(TIC), "GET", `/groups/${id}/members`)).body);
    expect(direct.map((m) => [m["@odata.type"], m.mail])).toEqual([
      ["#microsoft.graph.group", PREGRADO],
      ["#microsoft.graph.group", POSGRADO],
    ]);
    const all = list((await h.call(h.token(TIC), "GET", `/groups/${id}/transitiveMembers`)).body);
    expect(all.map((m) => m.mail).sort()).toEqual([LAURA, PEDRO, POSGRADO, PREGRADO].sort());
  });

  it("refuse a cast that is not a full type name, and $count without ConsistencyLevel", async () => {
    const [group] = await groupsWithMail(ESTUDIANTES);
    const id = String(group?.id);
    const shortCast = await h.call(
      h.token(TIC),
      "GET",
      `/groups/${id}/transitiveMembers/user/$count`,
      undefined,
      eventual,
    );
    expect(shortCast.status).toBe(400);
    const noHeader = await h.call(h.token(TIC), "GET", `/groups/${id}/transitiveMembers/$count`);
    expect(errorCode(noHeader.body)).toBe("Request_BadRequest");
  });

  it("deliver through every level of nesting", async () => {
    await h.call(h.token(TIC), "POST", "/me/sendMail", {
      message: { subject: "Matrículas", bccRecipients: [to(ESTUDIANTES)] },
    });
    expect(inbox(LAURA)).toHaveLength(1);
    expect(inbox(PEDRO)).toHaveLength(1);
  });
});

describe("restricted delivery", () => {
  it("accepts the send (202), reaches no member, and puts an NDR in the sender's Inbox in its conversation", async () => {
    const reply = await h.call(h.token(TIC), "POST", "/me/sendMail", {
      message: { subject: "Convocatoria", bccRecipients: [to(CONSEJO), to(PREGRADO)] },
    });
    expect(reply.status).toBe(202);
    expect(inbox(MARTA)).toEqual([]);
    expect(inbox(LAURA)).toHaveLength(1);
    h.afterSentItemsDelay();
    const [sent] = h.tenant.storedMessages(TIC, "sentitems");
    const [ndr] = inbox(TIC);
    expect(ndr?.subject).toBe("No se puede entregar: Convocatoria");
    expect(ndr?.from?.emailAddress).toEqual({ name: "Microsoft Outlook", address: `postmaster@${DOMAIN}` });
    expect(ndr?.body.content).toContain(CONSEJO);
    expect(ndr?.body.content).toContain("550 5.7.1 RESOLVER.RST.NotAuthorized");
    expect(ndr?.conversationId).toBe(sent?.conversationId);
    expect(ndr?.inReplyTo).toBe(sent?.internetMessageId);
    expect(ndr?.bccRecipients).toEqual([]);
  });

  it("is readable through Graph as a REPORT.IPM.Note.NDR message in the sent message's conversation", async () => {
    await h.call(h.token(TIC), "POST", "/me/sendMail", {
      message: { subject: "Convocatoria", bccRecipients: [to(CONSEJO)] },
    });
    h.afterSentItemsDelay();
    const [sent] = h.tenant.storedMessages(TIC, "sentitems");
    const filter =
      `conversationId eq '${String(sent?.conversationId)}' and singleValueExtendedProperties/Any(ep: ` +
      `ep/id eq 'String 0x001A' and ep/value eq 'REPORT.IPM.Note.NDR')`;
    const reply = await h.call(
      h.token(TIC),
      "GET",
      `/me/mailFolders/inbox/messages?$filter=${encodeURIComponent(filter)}&$select=subject`,
    );
    expect(list(reply.body).map((m) => m.subject)).toEqual(["No se puede entregar: Convocatoria"]);
  });

  it("lets an allowed sender through, with no report", async () => {
    await h.call(h.token(RECTORIA), "POST", "/me/sendMail", {
      message: { subject: "Sesión", toRecipients: [to(CONSEJO)] },
    });
    expect(inbox(MARTA)).toHaveLength(1);
    expect(inbox(RECTORIA)).toEqual([]);
  });
});

describe("moderated groups", () => {
  it("accept the send (202), hold it from the members, ask the moderator, and tell the sender nothing", async () => {
    const reply = await h.call(h.token(TIC), "POST", "/me/sendMail", {
      message: { subject: "Informe de gestión", toRecipients: [to(DIRECTIVOS)] },
    });
    expect(reply.status).toBe(202);
    expect(inbox(PEDRO)).toEqual([]);
    const [request] = inbox(SECRETARIA);
    expect(request?.subject).toBe("Approval requested: Informe de gestión");
    expect(obj(request?.singleValueExtendedProperties[0]).value).toBe("IPM.Note.Microsoft.Approval.Request");
    expect(inbox(TIC)).toEqual([]);
    h.afterSentItemsDelay();
    expect(h.tenant.storedMessages(TIC, "sentitems")).toHaveLength(1);
  });

  it("deliver at once when a moderator sends", async () => {
    await h.call(h.token(SECRETARIA), "POST", "/me/sendMail", {
      message: { subject: "Orden del día", toRecipients: [to(DIRECTIVOS)] },
    });
    expect(inbox(PEDRO)).toHaveLength(1);
  });
});
