// "Reset demo" and `?fresh=1` leave the page's address and the stored state in agreement: after a reset nothing
// of the old tenant is saved again, the page loads without `fresh`, and that start seeds and saves the seed.
import { Tenant } from "../../src/emulator";
import {
  addressAfterOpen,
  hasSavedDemo,
  openDemoTenant,
  persistOnChange,
  resetDemoTenant,
} from "../../src/demo/persistence";
import { COMMUNICATIONS, PROFESSIONAL } from "../../src/demo/tenantSpec";

const KEY = "pregon-demo-tenant-v2";
const DEMO = "http://127.0.0.1:3001/";

/** A change the saver notices: a request the tenant logs. */
async function touch(tenant: Tenant): Promise<void> {
  const token = tenant.issueToken(PROFESSIONAL);
  await tenant.fetch(
    new Request(`https://graph.microsoft.com/v1.0/users/${COMMUNICATIONS}/messages?$top=1`, {
      headers: { Authorization: `Bearer ${token}` },
    }),
  );
}

function savedInbox(): number {
  const saved = window.localStorage.getItem(KEY);
  if (!saved) throw new Error("nothing saved");
  return Tenant.fromJSON(JSON.parse(saved)).storedMessages(COMMUNICATIONS, "inbox").length;
}

beforeEach(() => {
  window.localStorage.clear();
  jest.useFakeTimers();
});
afterEach(() => jest.useRealTimers());

describe("demo persistence", () => {
  it("takes fresh out of the address once the seed is open, keeping the other parameters", () => {
    expect(addressAfterOpen(`${DEMO}?fresh=1&lang=en`)).toBe(`${DEMO}?lang=en`);
    expect(addressAfterOpen(`${DEMO}?lang=en&fresh=1&pane=320`)).toBe(`${DEMO}?lang=en&pane=320`);
    expect(addressAfterOpen(`${DEMO}?lang=en`)).toBe(`${DEMO}?lang=en`);
  });

  it("Reset: no save of the old tenant after it, the address without fresh, and that start is the seed", async () => {
    const tenant = openDemoTenant({ fresh: true });
    const seeded = tenant.storedMessages(COMMUNICATIONS, "inbox").length;
    const stop = persistOnChange(tenant);

    // Work in the demo: a message arrives and the saver stores it.
    tenant.deliver(COMMUNICATIONS, {
      subject: "Otra solicitud",
      body: { contentType: "text", content: "x" },
    });
    await touch(tenant);
    jest.advanceTimersByTime(1000);
    expect(savedInbox()).toBe(seeded + 1);

    // More work, not yet saved, then Reset.
    tenant.deliver(COMMUNICATIONS, { subject: "Y otra", body: { contentType: "text", content: "y" } });
    await touch(tenant);
    const next = resetDemoTenant(stop, `${DEMO}?fresh=1&lang=es`);
    expect(next).toBe(`${DEMO}?lang=es`);
    // The save that was due must not bring the old tenant back before the page reloads.
    jest.advanceTimersByTime(5000);
    expect(hasSavedDemo()).toBe(false);

    // The reloaded page (no fresh) starts from the seed and saves it: address and storage agree.
    const reopened = openDemoTenant({ fresh: new URL(next).searchParams.get("fresh") === "1" });
    expect(reopened.storedMessages(COMMUNICATIONS, "inbox")).toHaveLength(seeded);
    expect(savedInbox()).toBe(seeded);
    // And a reload after it resumes that state rather than seeding again.
    reopened.deliver(COMMUNICATIONS, { subject: "Tercera", body: { contentType: "text", content: "z" } });
    const stopAgain = persistOnChange(reopened);
    await touch(reopened);
    jest.advanceTimersByTime(1000);
    stopAgain();
    expect(openDemoTenant({ fresh: false }).storedMessages(COMMUNICATIONS, "inbox")).toHaveLength(seeded + 1);
  });
});
