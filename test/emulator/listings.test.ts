// Paging through a large mailbox (issue 11): the pages of one listing are cut from one filtered, ordered
// snapshot, so n messages cost one filter pass, not one per page; any change to the mailbox between pages
// makes the next page come from the live mailbox at the token's offset, as Graph's offset paging does; and
// $top stays within Graph's 1..1000 for messages (learn.microsoft.com/graph/api/user-list-messages).
import { ANA, COMMS, STATE_PROP, errorCode, incoming, list, obj, setupEmulator } from "./helpers";

const h = setupEmulator();

const MESSAGES = 3_000;
const forwarded = `singleValueExtendedProperties/Any(ep: ep/id eq '${STATE_PROP}' and ep/value eq 'forwarded')`;
const FILTER = `receivedDateTime ge 1900-01-01T00:00:00Z and ${forwarded}`;

/** Every third message is not a forwarded case; receive times repeat, so ties are broken by arrival. */
function seed(): void {
  h.tenant.seedMessages(
    COMMS,
    Array.from({ length: MESSAGES }, (_, i) =>
      incoming(`M${i}`, {
        receivedDateTime: `2026-11-${String(1 + (i % 28)).padStart(2, "0")}T10:00:00Z`,
        singleValueExtendedProperties: [{ id: STATE_PROP, value: i % 3 === 0 ? "received" : "forwarded" }],
      }),
    ),
  );
}

function firstUrl(top: number): string {
  const q = new URLSearchParams({ $filter: FILTER, $orderby: "receivedDateTime desc", $top: String(top) });
  return `/users/${COMMS}/messages?${q.toString()}&$select=subject`;
}

async function page(url: string): Promise<{ subjects: string[]; next?: string }> {
  const reply = await h.call(h.token(ANA), "GET", url);
  expect(reply.status).toBe(200);
  const body = obj(reply.body);
  const next = body["@odata.nextLink"];
  return { subjects: list(body).map((m) => String(m.subject)), ...(next ? { next: String(next) } : {}) };
}

async function everyPage(top: number): Promise<{ subjects: string[]; pages: number }> {
  const subjects: string[] = [];
  let pages = 0;
  for (let url: string | undefined = firstUrl(top); url;) {
    const got = await page(url);
    subjects.push(...got.subjects);
    pages += 1;
    url = got.next;
  }
  return { subjects, pages };
}

/** What the listing must give: forwarded ones, newest received first, later arrivals first among equals. */
function expected(): string[] {
  return Array.from({ length: MESSAGES }, (_, i) => i)
    .filter((i) => i % 3 !== 0)
    .sort((a, b) => (b % 28) - (a % 28) || b - a)
    .map((i) => `M${i}`);
}

describe("listing snapshots", () => {
  beforeEach(seed);

  it("pages through 3,000 messages with one filter pass, in the order one big page would have", async () => {
    const scanned = h.tenant.listings.scanned;
    const { subjects, pages } = await everyPage(100);
    expect(pages).toBe(20);
    expect(subjects).toEqual(expected());
    // One pass over the mailbox for the whole listing (re-filtering per page would be 20 × 3,000).
    expect(h.tenant.listings.scanned - scanned).toBe(MESSAGES);
  });

  it("a message that stops matching between pages is gone from the next page, read from the live mailbox", async () => {
    const first = await page(firstUrl(100));
    const order = expected();
    expect(first.subjects).toEqual(order.slice(0, 100));
    // The 101st message (the next page's first) becomes a closed case through Graph.
    const target = h.tenant.storedMessages(COMMS).find((m) => m.subject === order[100]);
    const patched = await h.call(
      h.token(ANA),
      "PATCH",
      `/users/${COMMS}/messages/${encodeURIComponent(target?.id ?? "")}`,
      {
        singleValueExtendedProperties: [{ id: STATE_PROP, value: "closed" }],
      },
    );
    expect(patched.status).toBe(200);
    const scanned = h.tenant.listings.scanned;
    const second = await page(first.next ?? "");
    expect(second.subjects).toEqual(order.slice(101, 201));
    expect(h.tenant.listings.scanned - scanned).toBe(MESSAGES);
  });

  it("a message arriving between pages shifts the offset, as Graph's offset paging does", async () => {
    const first = await page(firstUrl(100));
    const order = expected();
    h.tenant.deliver(
      COMMS,
      incoming("Nuevo", {
        receivedDateTime: "2026-12-01T10:00:00Z",
        singleValueExtendedProperties: [{ id: STATE_PROP, value: "forwarded" }],
      }),
    );
    const second = await page(first.next ?? "");
    // The newcomer sorts first, so the live list's items 100..199 are the old ones 99..198.
    expect(second.subjects).toEqual(order.slice(99, 199));
  });

  it("a token used with another filter answers that filter, not the snapshot", async () => {
    const first = await page(firstUrl(100));
    const next = new URL(first.next ?? "");
    const other = new URLSearchParams(next.search);
    other.set("$filter", FILTER.replace("'forwarded'", "'received'"));
    const received = Array.from({ length: MESSAGES }, (_, i) => i)
      .filter((i) => i % 3 === 0)
      .sort((a, b) => (b % 28) - (a % 28) || b - a)
      .map((i) => `M${i}`);
    const got = await page(`/users/${COMMS}/messages?${other.toString()}`);
    expect(got.subjects).toEqual(received.slice(100, 200));
  });

  it("serves pages of up to 1,000 and refuses a larger $top", async () => {
    const { pages } = await everyPage(1000);
    expect(pages).toBe(2);
    const refused = await h.call(h.token(ANA), "GET", firstUrl(1001));
    expect(refused.status).toBe(400);
    expect(errorCode(refused.body)).toBe("ErrorInvalidUrlQuery");
  });
});
