// The one etag-retry loop: a 412 re-reads and re-applies the change to the fresh record; bounded; an unchanged
// record is not written; other errors stand at once.
import { AppError } from "../../src/domain/errors";
import type { MailMessage } from "../../src/ports/mailService";
import { MAX_WRITE_ATTEMPTS, remembering, updateRecord } from "../../src/workflow/recordStore";
import type { RecordHome } from "../../src/workflow/recordStore";

/** A record on a message whose etag grows with each write; `beforeWrite` may play someone else's write. */
function home(
  initial: string[],
  beforeWrite: (stored: { value: string[]; etag: number }) => void = () => {},
) {
  const stored = { value: initial, etag: 1 };
  const writes: string[][] = [];
  const h: RecordHome<string[]> = {
    async read() {
      return { record: stored.value, message: { id: "m", etag: String(stored.etag) } as MailMessage };
    },
    async write(message, record) {
      beforeWrite(stored);
      if (message.etag !== String(stored.etag))
        throw new AppError("conflict", "412 ErrorIrresolvableConflict");
      stored.value = record;
      stored.etag += 1;
      writes.push(record);
      return { ...message, etag: String(stored.etag) };
    },
  };
  return { h, stored, writes };
}

describe("updateRecord", () => {
  it("re-reads and re-applies the change after a 412, keeping the other writer's fact", async () => {
    let raced = false;
    const { h, stored } = home(["created"], (s) => {
      if (raced) return;
      raced = true;
      s.value = [...s.value, "reminded"];
      s.etag += 1;
    });
    const saved = await updateRecord(h, (r) => [...r, "forwarded"]);
    expect(saved.changed).toBe(true);
    expect(stored.value).toEqual(["created", "reminded", "forwarded"]);
    expect(saved.message.etag).toBe(String(stored.etag));
  });

  it("writes nothing when the change returns the record it was given", async () => {
    const { h, writes } = home(["created"]);
    const saved = await updateRecord(h, (r) => r);
    expect(saved).toMatchObject({ changed: false, record: ["created"] });
    expect(writes).toEqual([]);
  });

  it(`gives up after ${MAX_WRITE_ATTEMPTS} conflicts, with the conflict`, async () => {
    let changes = 0;
    const { h, writes } = home([], (s) => {
      s.etag += 1;
    });
    await expect(
      updateRecord(h, (r) => {
        changes += 1;
        return [...r, "x"];
      }),
    ).rejects.toMatchObject({ code: "conflict" });
    expect(changes).toBe(MAX_WRITE_ATTEMPTS);
    expect(writes).toEqual([]);
  });

  it("lets any other error stand at once, and a change that throws writes nothing", async () => {
    const failing: RecordHome<number> = {
      read: async () => ({ record: 1, message: { id: "m", etag: "1" } as MailMessage }),
      write: async () => {
        throw new AppError("forbidden", "403");
      },
    };
    let changes = 0;
    await expect(
      updateRecord(failing, (r) => {
        changes += 1;
        return r + 1;
      }),
    ).rejects.toMatchObject({ code: "forbidden" });
    expect(changes).toBe(1);
    const { h, writes } = home(["a"]);
    await expect(
      updateRecord(h, () => {
        throw new AppError("illegalTransition", "no");
      }),
    ).rejects.toMatchObject({ code: "illegalTransition" });
    expect(writes).toEqual([]);
  });
});

describe("a remembering home (one action's writes chain on its own etag)", () => {
  function counted(initial: string[]) {
    const base = home(initial);
    let reads = 0;
    const inner: RecordHome<string[]> = {
      read: () => {
        reads += 1;
        return base.h.read();
      },
      write: (message, record) => base.h.write(message, record),
    };
    return { ...base, h: remembering(inner, (_m, written) => written), reads: () => reads };
  }

  it("writes a second change from its first write, without reading the message again", async () => {
    const { h, stored, reads } = counted(["created"]);
    await updateRecord(h, (r) => [...r, "claimed"]);
    expect(reads()).toBe(1);
    await updateRecord(h, (r) => [...r, "forwarded"]);
    expect(reads()).toBe(1);
    expect(stored.value).toEqual(["created", "claimed", "forwarded"]);
  });

  it("still loses nothing when someone wrote in between: the 412 makes it read afresh", async () => {
    const { h, stored, reads } = counted(["created"]);
    await updateRecord(h, (r) => [...r, "claimed"]);
    // Someone else's write since our last one: our remembered etag is stale.
    stored.value = [...stored.value, "reminded"];
    stored.etag += 1;
    await updateRecord(h, (r) => [...r, "forwarded"]);
    expect(reads()).toBe(2);
    expect(stored.value).toEqual(["created", "claimed", "reminded", "forwarded"]);
  });

  it("starts from a seed only when it carries an etag to guard the write", async () => {
    const base = home(["created"]);
    const attempts: (string | undefined)[] = [];
    const inner: RecordHome<string[]> = {
      read: () => base.h.read(),
      write: (message, record) => {
        attempts.push(message.etag);
        return base.h.write(message, record);
      },
    };
    const seeded = remembering(inner, (_m, written) => written, {
      record: ["stale"],
      message: { id: "m" } as MailMessage,
    });
    await updateRecord(seeded, (r) => [...r, "forwarded"]);
    // Never a write without If-Match from what was remembered: the one write carries the etag just read.
    expect(attempts).toEqual(["1"]);
    expect(base.stored.value).toEqual(["created", "forwarded"]);
  });
});
