// The tenant self-check against the embedded tenant: every check passes on a healthy tenant and leaves every
// mailbox exactly as it found it; each check, with the tenant broken on purpose for it, fails with Graph's status
// and code and the right advice, and the test draft is still deleted.
import { http, HttpResponse } from "msw";
import type { PregonConfig } from "../../src/config/schema";
import { GraphTenantProbe } from "../../src/graph";
import type { AccessTokenProvider } from "../../src/graph";
import type { SignInInfo } from "../../src/ports/tenantProbe";
import { GRAPH_SCOPES } from "../../src/auth/scopes";
import { DIAGNOSTIC_SUBJECT, plannedChecks, runDiagnostics } from "../../src/workflow/diagnostics";
import type { CheckId, CheckResult, DiagnosticsInput } from "../../src/workflow/diagnostics";
import type { TenantSpec } from "../../src/emulator";
import type { World } from "../support/world";
import { COMMUNICATIONS, IT, OPERATOR, PROFESSIONAL, TENANT_SPEC, setupWorld } from "../support/world";

const world = setupWorld();

const FAST = {
  clock: { sleep: () => new Promise<void>((resolve) => setTimeout(resolve, 0)), random: () => 0.5 },
};

function probeFor(w: World, user: string, signIn?: () => SignInInfo): GraphTenantProbe {
  const tokens: AccessTokenProvider = { getAccessToken: async () => w.tenant.issueToken(user) };
  if (signIn) tokens.signInInfo = signIn;
  return new GraphTenantProbe(tokens, FAST);
}

const FOLDERS = ["inbox", "drafts", "sentitems"] as const;

/** Every message id of both configured mailboxes, by folder. */
function snapshot(w: World): Record<string, string[]> {
  const all: Record<string, string[]> = {};
  for (const address of [COMMUNICATIONS, IT]) {
    for (const folder of FOLDERS) {
      all[`${address}/${folder}`] = w.tenant
        .storedMessages(address, folder)
        .map((m) => m.id)
        .sort();
    }
  }
  return all;
}

function draftsLeft(w: World): number {
  return [COMMUNICATIONS, IT].reduce(
    (sum, address) =>
      sum + w.tenant.storedMessages(address, "drafts").filter((m) => m.subject === DIAGNOSTIC_SUBJECT).length,
    0,
  );
}

/** Ana (delegate of comunicaciones@) on a request in the shared mailbox. */
function commsInput(w: World, overrides: Partial<DiagnosticsInput> = {}): DiagnosticsInput {
  const itemId = w.deliverRequest("01-structured-es.json");
  return {
    probe: probeFor(w, PROFESSIONAL),
    config: w.config,
    userAddress: PROFESSIONAL,
    paneRole: "communications",
    item: { itemId, subject: "", mailbox: COMMUNICATIONS },
    now: () => w.clock.now(),
    ...overrides,
  };
}

/**
 * A tenant where every check can pass: the demo's, with administrativos@ an ordinary group (the demo keeps it a
 * dynamic distribution group, which Graph cannot see) and, when `itSignsIn`, tic@ a mailbox IT signs in to (a
 * delegate cannot open an upload session in another mailbox, so the demo's operator fails the upload check).
 */
function healthySpec(itSignsIn = false): TenantSpec {
  const spec = structuredClone(TENANT_SPEC);
  spec.groups = spec.groups?.map((g) => ({ ...g, dynamic: false }));
  if (itSignsIn) {
    spec.sharedMailboxes = (spec.sharedMailboxes ?? []).filter((m) => m.address !== IT);
    spec.users.push({ address: IT, displayName: "División TIC" });
  }
  return spec;
}

/** IT in its own (not shared) tic@ mailbox, on a message in its inbox. */
function ownItInput(w: World): DiagnosticsInput {
  const itemId = w.tenant.deliver(IT, {
    subject: "Mensaje de prueba",
    body: { contentType: "text", content: "Hola" },
    from: { emailAddress: { address: COMMUNICATIONS } },
    toRecipients: [{ emailAddress: { address: IT } }],
  });
  return {
    probe: probeFor(w, IT),
    config: w.config,
    userAddress: IT,
    paneRole: "it",
    item: { itemId, subject: "", mailbox: "me" },
    now: () => w.clock.now(),
  };
}

/** Carlos, IT's operator (delegate of tic@), on a message in tic@'s inbox. */
function itInput(w: World, overrides: Partial<DiagnosticsInput> = {}): DiagnosticsInput {
  const itemId = w.tenant.deliver(IT, {
    subject: "Mensaje de prueba",
    body: { contentType: "text", content: "Hola" },
    from: { emailAddress: { address: COMMUNICATIONS } },
    toRecipients: [{ emailAddress: { address: IT } }],
  });
  return {
    probe: probeFor(w, OPERATOR),
    config: w.config,
    userAddress: OPERATOR,
    paneRole: "it",
    item: { itemId, subject: "", mailbox: IT },
    now: () => w.clock.now(),
    ...overrides,
  };
}

function byId(results: readonly CheckResult[], id: CheckId): CheckResult {
  const found = results.find((r) => r.id === id);
  if (!found) throw new Error(`no ${id} check`);
  return found;
}

function statuses(results: readonly CheckResult[]): string[] {
  return results.map((r) => `${r.id}${r.target ? `(${r.target})` : ""}: ${r.status}`);
}

/** A Graph-shaped error answer, put in front of the emulator for requests that match. */
function graphError(status: number, code: string, message: string) {
  return HttpResponse.json(
    { error: { code, message, innerError: { "request-id": "00000000-0000-4000-8000-000000000001" } } },
    { status },
  );
}

describe("Diagnostics on a healthy tenant", () => {
  it("Communications: every check passes or is skipped for a stated reason, and both mailboxes are unchanged", async () => {
    const w = world({ spec: healthySpec() });
    const input = commsInput(w);
    const before = snapshot(w);
    const progress: (CheckId | undefined)[] = [];
    const results = await runDiagnostics({ ...input, onProgress: (_, next) => progress.push(next?.id) });

    expect(statuses(results)).toEqual([
      "signIn: skipped",
      `role(${COMMUNICATIONS}): pass`,
      `openItem(${COMMUNICATIONS}): pass`,
      `createDraft(${COMMUNICATIONS}): pass`,
      `findDraft(${COMMUNICATIONS}): pass`,
      `ifMatch(${COMMUNICATIONS}): pass`,
      `upload(${COMMUNICATIONS}): skipped`,
      `deleteDraft(${COMMUNICATIONS}): pass`,
      "groupCount(estudiantes@universidad.example): pass",
      "groupCount(docentes@universidad.example): pass",
      "groupCount(administrativos@universidad.example): pass",
    ]);
    expect(byId(results, "signIn").skipReason).toBe("embeddedTenant");
    expect(byId(results, "upload").skipReason).toBe("notItMailbox");
    expect(results.filter((r) => r.id === "groupCount").map((r) => r.facts.count)).toEqual([
      18_432, 1_387, 1_045,
    ]);
    expect(snapshot(w)).toEqual(before);
    expect(draftsLeft(w)).toBe(0);
    // Progress names every planned check in order, then ends.
    expect(progress).toEqual([...plannedChecks(input).map((c) => c.id), undefined]);
    // It really made the calls: a draft was created in the shared mailbox, patched with If-Match, deleted.
    expect(
      w.tenant.log.count({ method: "POST", url: `/users/${COMMUNICATIONS}/messages`, status: 201 }),
    ).toBe(1);
    expect(w.tenant.log.count({ method: "PATCH", status: 412 })).toBe(1);
    expect(w.tenant.log.count({ method: "DELETE", status: 204 })).toBe(1);
    // Nobody was mailed.
    expect(w.tenant.log.count({ url: "/send" })).toBe(0);
  });

  it("IT: the upload session is tried too (PUT to the returned uploadUrl, without Authorization), all pass", async () => {
    const w = world({ spec: healthySpec(true) });
    const input = ownItInput(w);
    const before = snapshot(w);
    const results = await runDiagnostics(input);

    expect(results.filter((r) => r.status === "fail")).toEqual([]);
    expect(results.filter((r) => r.status === "skipped").map((r) => r.id)).toEqual(["signIn"]);
    const upload = byId(results, "upload");
    expect(upload.status).toBe("pass");
    expect(upload.target).toBe(IT);
    // Exchange's upload URLs are on another host than Graph (the CSP must allow it).
    expect(upload.facts.uploadHost).toBe("outlook.office.com");
    const put = w.tenant.log.filter({ method: "PUT" });
    expect(put).toHaveLength(1);
    expect(put[0]?.status).toBe(200);
    expect(put[0]?.caller).toBeNull(); // no bearer token went to the upload URL
    expect(snapshot(w)).toEqual(before);
    expect(w.tenant.uploadSessions.size).toBe(0); // the session was cancelled too
  });

  it("IT's operator as a delegate of tic@: the upload check fails as Exchange refuses it (403), nothing is left", async () => {
    const w = world({ spec: healthySpec() });
    const input = itInput(w);
    const before = snapshot(w);
    const results = await runDiagnostics(input);

    expect(results.filter((r) => r.status === "fail").map((r) => r.id)).toEqual(["upload"]);
    expect(byId(results, "upload")).toMatchObject({
      target: IT,
      failure: { status: 403, graphCode: "ErrorAccessDenied" },
      advice: "uploadDenied",
    });
    expect(w.tenant.log.count({ method: "PUT" })).toBe(0);
    expect(snapshot(w)).toEqual(before);
  });

  it("reports the sign-in mode and fails when a scope was not granted", async () => {
    const w = world({ spec: healthySpec() });
    const granted = GRAPH_SCOPES.filter((s) => s !== "Mail.Send.Shared").map(
      (s) => `https://graph.microsoft.com/${s}`,
    );
    const ok = await runDiagnostics(
      commsInput(w, {
        probe: probeFor(w, PROFESSIONAL, () => ({
          mode: "naa",
          requested: GRAPH_SCOPES,
          granted: [...GRAPH_SCOPES],
        })),
      }),
    );
    expect(byId(ok, "signIn")).toMatchObject({ status: "pass", facts: { mode: "naa" } });

    const missing = await runDiagnostics(
      commsInput(w, {
        probe: probeFor(w, PROFESSIONAL, () => ({ mode: "dialog", requested: GRAPH_SCOPES, granted })),
      }),
    );
    expect(byId(missing, "signIn")).toMatchObject({
      status: "fail",
      advice: "scopesMissing",
      facts: { mode: "dialog", missing: "Mail.Send.Shared" },
    });
  });
});

describe("Diagnostics on a tenant broken on purpose", () => {
  it("draft creation refused (403 ErrorAccessDenied): the draft checks are skipped, nothing is left", async () => {
    const w = world();
    const input = commsInput(w);
    w.server.use(http.post(/\/messages$/, () => graphError(403, "ErrorAccessDenied", "Access is denied.")));
    const before = snapshot(w);
    const results = await runDiagnostics(input);
    expect(byId(results, "createDraft")).toMatchObject({
      status: "fail",
      failure: { status: 403, graphCode: "ErrorAccessDenied", code: "forbidden" },
      advice: "mailboxAccess",
    });
    for (const id of ["findDraft", "ifMatch", "upload"] as const) {
      expect(byId(results, id)).toMatchObject({ status: "skipped", skipReason: "needsDraft" });
    }
    expect(byId(results, "deleteDraft")).toMatchObject({ status: "skipped", skipReason: "nothingCreated" });
    expect(byId(results, "groupCount").status).toBe("pass");
    expect(snapshot(w)).toEqual(before);
  });

  it("draft creation answered 503 after creating it: the draft is found by its case id and deleted", async () => {
    const w = world();
    const input = commsInput(w);
    const before = snapshot(w);
    w.tenant.faults.add({
      method: "POST",
      url: `/users/${COMMUNICATIONS}/messages`,
      effect: { kind: "failAfterEffect", as: "503" },
      times: 1,
    });
    const results = await runDiagnostics(input);
    expect(byId(results, "createDraft")).toMatchObject({ status: "fail", advice: "transient" });
    expect(byId(results, "deleteDraft")).toMatchObject({ status: "pass", facts: { deleted: 1 } });
    expect(snapshot(w)).toEqual(before);
  });

  it("If-Match ignored (a stale etag answers 200): concurrency protection is reported absent, cleanup happens", async () => {
    const w = world();
    const input = commsInput(w);
    const before = snapshot(w);
    // A proxy in front of the tenant that drops If-Match, as a server that does not honour it would behave.
    w.server.use(
      http.patch(/\/messages\//, async ({ request }) => {
        if (!request.headers.has("if-match")) return undefined;
        const headers = new Headers(request.headers);
        headers.delete("if-match");
        return w.tenant.fetch(
          new Request(request.url, { method: "PATCH", headers, body: await request.text() }),
        );
      }),
    );
    const results = await runDiagnostics(input);
    expect(byId(results, "ifMatch")).toMatchObject({
      status: "fail",
      advice: "ifMatchIgnored",
      facts: { status: 200 },
    });
    expect(byId(results, "deleteDraft").status).toBe("pass");
    expect(snapshot(w)).toEqual(before);
  });

  it("upload session refused (403): the upload check fails with its advice, cleanup happens", async () => {
    const w = world();
    const input = itInput(w);
    const before = snapshot(w);
    w.server.use(
      http.post(/\/createUploadSession$/, () => graphError(403, "ErrorAccessDenied", "Access is denied.")),
    );
    const results = await runDiagnostics(input);
    expect(byId(results, "upload")).toMatchObject({
      status: "fail",
      failure: { status: 403, graphCode: "ErrorAccessDenied" },
      advice: "uploadDenied",
    });
    expect(byId(results, "deleteDraft").status).toBe("pass");
    expect(snapshot(w)).toEqual(before);
  });

  it("the upload host unreachable (503 on the PUT): the upload check fails as transient, pointing at the network advice", async () => {
    const w = world({ spec: healthySpec(true) });
    const input = ownItInput(w);
    w.server.use(
      http.put(/^https:\/\/outlook\.office\.com\//, () => graphError(503, "ServiceUnavailable", "Down.")),
    );
    const results = await runDiagnostics(input);
    expect(byId(results, "upload")).toMatchObject({
      status: "fail",
      failure: { status: 503 },
      advice: "transient",
    });
    expect(w.tenant.storedMessages(IT, "drafts")).toHaveLength(0);
  });

  it("a filter answering 400 InefficientFilter: the find check fails with its advice, cleanup happens", async () => {
    const w = world();
    const input = commsInput(w);
    const before = snapshot(w);
    w.server.use(
      http.get(/\/messages/, ({ request }) =>
        new URL(request.url).searchParams.has("$filter")
          ? graphError(
              400,
              "InefficientFilter",
              "The restriction or sort order is too complex for this operation.",
            )
          : undefined,
      ),
    );
    const results = await runDiagnostics(input);
    expect(byId(results, "findDraft")).toMatchObject({
      status: "fail",
      failure: { status: 400, graphCode: "InefficientFilter", code: "badRequest" },
      advice: "filter",
    });
    expect(byId(results, "ifMatch").status).toBe("pass");
    expect(byId(results, "deleteDraft").status).toBe("pass");
    expect(snapshot(w)).toEqual(before);
  });

  it("an audience whose group is not in the directory (a dynamic distribution group) fails as not found", async () => {
    const w = world();
    const config: PregonConfig = {
      ...w.config,
      audiences: [
        ...w.config.audiences.slice(0, 2),
        {
          key: "administrativos",
          label: { es: "Administrativos", en: "Administrative staff" },
          group: "administrativos-dinamico@universidad.example",
        },
      ],
    };
    const results = await runDiagnostics(commsInput(w, { config }));
    const groups = results.filter((r) => r.id === "groupCount");
    expect(groups.map((g) => g.status)).toEqual(["pass", "pass", "fail"]);
    expect(groups[2]).toMatchObject({
      target: "administrativos-dinamico@universidad.example",
      failure: { code: "notFound" },
      advice: "groupNotFound",
    });
  });

  it("member count refused (403 Authorization_RequestDenied: no GroupMember.Read.All consent)", async () => {
    const w = world({ spec: healthySpec() });
    w.server.use(
      http.get(/\/(members|transitiveMembers\/microsoft\.graph\.user)\/\$count$/, () =>
        graphError(403, "Authorization_RequestDenied", "Insufficient privileges to complete the operation."),
      ),
    );
    const results = await runDiagnostics(commsInput(w));
    const groups = results.filter((r) => r.id === "groupCount");
    expect(groups).toHaveLength(3);
    for (const group of groups) {
      expect(group).toMatchObject({
        status: "fail",
        failure: { status: 403, graphCode: "Authorization_RequestDenied" },
        advice: "groupCountDenied",
      });
    }
    expect(byId(results, "deleteDraft").status).toBe("pass");
  });

  it("member count without advanced-query support (400) fails with the ConsistencyLevel advice", async () => {
    const w = world({ spec: healthySpec() });
    w.server.use(
      http.get(/\/(members|transitiveMembers\/microsoft\.graph\.user)\/\$count$/, () =>
        graphError(400, "Request_BadRequest", "Count is not currently supported."),
      ),
    );
    const results = await runDiagnostics(commsInput(w));
    expect(byId(results, "groupCount")).toMatchObject({
      status: "fail",
      failure: { status: 400, graphCode: "Request_BadRequest" },
      advice: "groupCountUnsupported",
    });
  });

  it("the item cannot be opened (404): openItem fails with its advice, the other checks still run", async () => {
    const w = world();
    const input = commsInput(w);
    const results = await runDiagnostics({
      ...input,
      item: { itemId: "AAMkAGone=", subject: "", mailbox: COMMUNICATIONS },
    });
    expect(byId(results, "openItem")).toMatchObject({
      status: "fail",
      failure: { status: 404, code: "notFound" },
      advice: "itemNotFound",
    });
    expect(byId(results, "createDraft").status).toBe("pass");
    expect(draftsLeft(w)).toBe(0);
  });

  it("Graph refuses the product's open query (400 RequestBroker--ParseUri, as for contentId without its cast)", async () => {
    const w = world();
    const input = commsInput(w);
    w.server.use(
      http.get(/\/messages\/[^/]+$/, ({ request }) =>
        new URL(request.url).searchParams.get("$expand")?.includes("attachments")
          ? graphError(
              400,
              "RequestBroker--ParseUri",
              "Could not find a property named 'contentId' on type 'microsoft.graph.attachment'.",
            )
          : undefined,
      ),
    );
    const results = await runDiagnostics(input);
    expect(byId(results, "openItem")).toMatchObject({
      status: "fail",
      failure: { status: 400, graphCode: "RequestBroker--ParseUri" },
      advice: "queryRefused",
    });
    expect(draftsLeft(w)).toBe(0);
  });

  it("a 429 whose Retry-After the browser cannot read: the adapter waits on its own and the check still passes", async () => {
    const w = world({ spec: healthySpec() });
    const input = commsInput(w);
    expect(w.tenant.behaviour.exposeRetryAfter).toBe(false);
    w.tenant.faults.add({
      method: "POST",
      url: `/users/${COMMUNICATIONS}/messages`,
      effect: { kind: "throttle", retryAfterSeconds: 30 },
      times: 1,
    });
    const results = await runDiagnostics(input);
    expect(byId(results, "createDraft").status).toBe("pass");
    expect(w.tenant.log.count({ method: "POST", status: 429 })).toBe(1);
    expect(results.filter((r) => r.status === "fail")).toEqual([]);
  });

  it("the draft cannot be deleted: the cleanup check fails and says so, never a silent leftover", async () => {
    const w = world();
    const input = commsInput(w);
    w.tenant.faults.add({ method: "DELETE", url: "/messages/", effect: { kind: "unavailable" } });
    const results = await runDiagnostics(input);
    const cleanup = byId(results, "deleteDraft");
    expect(cleanup).toMatchObject({ status: "fail", advice: "cleanupFailed" });
    expect(cleanup.facts.caseId).toMatch(/^CM-/);
    expect(draftsLeft(w)).toBe(1);
  });

  it("role: an item in IT's mailbox while the pane shows Communications is reported as a mismatch", async () => {
    const w = world();
    const results = await runDiagnostics(
      commsInput(w, { item: { itemId: "AAMkAGx=", subject: "", mailbox: IT } }),
    );
    expect(byId(results, "role")).toMatchObject({
      status: "fail",
      advice: "roleMismatch",
      facts: { pane: "communications", itemRole: "it" },
    });
  });
});
