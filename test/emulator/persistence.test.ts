// Persistence and seeding: the tenant survives toJSON/fromJSON (through a JSON string, as browser storage
// keeps it), the shared fixtures seed as Graph messages, and 10,000 messages stay fast.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Tenant, createTenant } from "../../src/emulator";
import { ANA, CASE_ID_PROP, COMMS, GRAPH, SPEC, STATE_PROP, TIC, list, obj, setupEmulator } from "./helpers";

const h = setupEmulator();

describe("toJSON / fromJSON", () => {
  it("round-trips mailboxes, messages, tokens, delegation, groups and Send As", async () => {
    const token = h.token(ANA);
    const id = h.tenant.deliver(COMMS, {
      subject: "Persistente",
      singleValueExtendedProperties: [{ id: CASE_ID_PROP, value: "CM-9" }],
    });
    const restored = Tenant.fromJSON(JSON.parse(JSON.stringify(h.tenant)));
    // Straight to the restored tenant (no msw), with the token the original issued.
    const reply = await restored.fetch(
      new Request(`${GRAPH}/users/${COMMS}/messages/${encodeURIComponent(id)}`, {
        headers: { Authorization: `Bearer ${token}` },
      }),
    );
    expect(reply.status).toBe(200);
    expect(((await reply.json()) as { subject: string }).subject).toBe("Persistente");
    expect(restored.storedMessages(COMMS)[0]?.singleValueExtendedProperties[0]?.value).toBe("CM-9");
    const tic = restored.mailbox(TIC);
    expect(tic && restored.canSendAs(tic, "rectoria@universidad.example")).toBe(true);
    expect(restored.allGroups().map((g) => g.memberCount)).toEqual([18432, 1387, 25]);
    expect(restored.nextSeq()).toBeGreaterThan(h.tenant.storedMessages(COMMS)[0]?.seq ?? 0);
  });

  it("refuses data that is not a snapshot of this version", () => {
    expect(() => Tenant.fromJSON({ hello: "world" })).toThrow();
    expect(() => Tenant.fromJSON({ ...h.tenant.toJSON(), version: 99 })).toThrow();
  });
});

describe("seeding", () => {
  it("delivers every shared request fixture as a Graph message with its attachments", async () => {
    const dir = join(__dirname, "fixtures");
    const token = h.token(ANA);
    for (const file of readdirSync(dir).filter((f) => f.endsWith(".json"))) {
      const json = JSON.parse(readFileSync(join(dir, file), "utf8")) as Record<string, unknown>;
      const id = h.tenant.deliver(COMMS, json);
      const reply = obj(
        (await h.call(token, "GET", `/users/${COMMS}/messages/${encodeURIComponent(id)}?$expand=attachments`))
          .body,
      );
      expect(reply.subject).toBe(json.subject);
      expect(reply.isDraft).toBe(false);
      expect((reply.attachments as unknown[]).length).toBe(
        (json.attachments as unknown[] | undefined)?.length ?? 0,
      );
    }
  });

  it("seeds 10,000 messages with extended properties, serializes and restores them, and answers a filtered page (timings printed)", async () => {
    const tenant = createTenant(SPEC);
    const states = ["received", "forwarded", "sent", "confirmed", "closed"];
    const messages = Array.from({ length: 10_000 }, (_, i) => ({
      subject: `Solicitud ${i}`,
      from: { emailAddress: { address: `unidad${i % 40}@universidad.example` } },
      receivedDateTime: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
      body: { contentType: "html", content: `<p>Solicitud número ${i}</p>` },
      singleValueExtendedProperties: [
        { id: CASE_ID_PROP, value: `CM-${String(i).padStart(5, "0")}` },
        { id: STATE_PROP, value: states[i % states.length] },
      ],
    }));
    let started = performance.now();
    tenant.seedMessages(COMMS, messages);
    const seedMs = performance.now() - started;
    started = performance.now();
    const text = JSON.stringify(tenant.toJSON());
    const saveMs = performance.now() - started;
    started = performance.now();
    const restored = Tenant.fromJSON(JSON.parse(text));
    const loadMs = performance.now() - started;
    expect(restored.storedMessages(COMMS)).toHaveLength(10_000);
    // Timings are printed, not asserted: a wall-clock bound fails on a busy two-core machine and proves nothing
    // about speed (speed belongs to `npm run bench`, issue 11). Typically ~300 ms to seed, ~100 ms each way.
    console.info(
      `10,000 messages: seeded in ${seedMs.toFixed(0)} ms, saved in ${saveMs.toFixed(0)} ms, loaded in ${loadMs.toFixed(0)} ms`,
    );

    const token = restored.issueToken(ANA);
    const filter = `receivedDateTime ge 1900-01-01T00:00:00Z and singleValueExtendedProperties/Any(ep: ep/id eq '${STATE_PROP}' and ep/value eq 'forwarded')`;
    const query = new URLSearchParams({
      $filter: filter,
      $orderby: "receivedDateTime desc",
      $top: "50",
      $count: "true",
    });
    started = performance.now();
    const reply = await restored.fetch(
      new Request(`${GRAPH}/users/${COMMS}/messages?${query.toString()}`, {
        headers: { Authorization: `Bearer ${token}` },
      }),
    );
    const body: unknown = await reply.json();
    const queryMs = performance.now() - started;
    expect(obj(body)["@odata.count"]).toBe(2000);
    expect(list(body)[0]?.subject).toBe("Solicitud 9996");
    console.info(`filtered, sorted and counted 10,000 messages in ${queryMs.toFixed(0)} ms`);
  }, 30_000);
});
