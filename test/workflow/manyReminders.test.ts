// A case IT leaves waiting for weeks collects a reminder every working day. Its record must stay under the
// property's limit at every step (history compacts), the case must still open, forward and close, and the
// register must still count every reminder.
import Papa from "papaparse";
import { MAX_RECORD_BYTES, decodeArchive, recordBytes } from "../../src/domain/codec";
import { COMPACT_AT_BYTES, fullHistory, reminderCount } from "../../src/domain/compaction";
import { forwardToIt } from "../../src/workflow/actions/forwardToIt";
import { relayToRequester } from "../../src/workflow/actions/relayToRequester";
import { sendReminder } from "../../src/workflow/actions/sendReminder";
import { registerCsv } from "../../src/workflow/register";
import { newCase, openCase } from "../support/cases";
import { itSendsAndConfirms, storedProp } from "../support/procedure";
import { COMMUNICATIONS, setupWorld } from "../support/world";
import type { World } from "../support/world";

const world = setupWorld();
const DAY_MS = 24 * 60 * 60 * 1000;

function storedRequest(w: World, messageId: string) {
  const stored = w.tenant.storedMessages(COMMUNICATIONS, "inbox").find((m) => m.id === messageId);
  if (!stored) throw new Error("The request is not in the inbox");
  return stored;
}

function recordSize(w: World, messageId: string): number {
  const record = storedProp(storedRequest(w, messageId), "record");
  if (!record) throw new Error("The request has no record");
  return recordBytes(record);
}

/** The next working day at the same time (reminders are sent on working days). */
function nextWorkingDay(w: World): void {
  do w.clock.advance(DAY_MS);
  while ([0, 6].includes(w.clock.now().getUTCDay()));
}

it("a case with 60 reminders opens, closes, stays under the record limit at every step, and the register counts 60", async () => {
  const w = world();
  w.tenant.setSentItemsDelay(0);
  const { messageId, case: created } = await newCase(w, "01-structured-es.json");
  await forwardToIt(w.comms.ctx, COMMUNICATIONS, messageId);
  const sizes: number[] = [recordSize(w, messageId)];

  for (let i = 0; i < 60; i++) {
    nextWorkingDay(w);
    // This test is about the record's size, not the pace of reminders: the person confirms each one, as the pane
    // asks when a reminder falls on a business day that already had one (weekday here, holiday in Colombia).
    await sendReminder(w.comms.ctx, COMMUNICATIONS, messageId, undefined, { confirmSecond: true });
    // Opening reconciles (and writes when a Sent Items copy is linked): it must not fail on size.
    const opened = await openCase(w.comms, messageId);
    expect(opened.case.state).toBe("forwarded");
    sizes.push(recordSize(w, messageId));
  }

  await itSendsAndConfirms(w, created.id);
  const confirmed = await openCase(w.comms, messageId);
  expect(confirmed.case.state).toBe("confirmed");
  sizes.push(recordSize(w, messageId));
  await relayToRequester(w.comms.ctx, COMMUNICATIONS, messageId);
  const closed = await openCase(w.comms, messageId);
  expect(closed.case.state).toBe("closed");
  sizes.push(recordSize(w, messageId));

  console.info(
    `record bytes: after forward ${sizes[0]}, after reminder 30 ${sizes[30]}, after reminder 60 ${sizes[60]}, ` +
      `closed ${sizes[sizes.length - 1]}, largest ${Math.max(...sizes)} (limit ${MAX_RECORD_BYTES})`,
  );
  expect(Math.max(...sizes)).toBeLessThanOrEqual(MAX_RECORD_BYTES);
  // The record was compacted (it would have grown past the point where compaction starts) ...
  expect(Math.max(...sizes)).toBeLessThanOrEqual(COMPACT_AT_BYTES + 1024);
  expect(closed.case.history.some((h) => h.count !== undefined)).toBe(true);
  // ... and the older reminders are in the archive, in full: the record and the archive together hold all 60.
  const archiveJson = storedProp(storedRequest(w, messageId), "history");
  const archive = decodeArchive(archiveJson);
  if (!archive.ok) throw new Error(`archive unreadable: ${archive.detail}`);
  console.info(`archive bytes: ${recordBytes(archiveJson ?? "")}, entries ${archive.history.length}`);
  expect(recordBytes(archiveJson ?? "")).toBeLessThanOrEqual(MAX_RECORD_BYTES);
  const full = fullHistory(closed.case.history, archive.history);
  expect(full.filter((h) => h.action === "reminded")).toHaveLength(60);
  expect(full.filter((h) => h.action === "reminded").every((h) => !!h.evidence?.messageId)).toBe(true);
  expect(reminderCount(closed.case.history)).toBe(60);
  const remindersSent = w.tenant
    .storedMessages(COMMUNICATIONS, "sentitems")
    .filter((m) => storedProp(m, "kind") === "reminder");
  expect(remindersSent).toHaveLength(60);

  const csv = registerCsv([closed.case], "en", (c) => c.state, "America/Bogota");
  const [header = [], row = []] = Papa.parse<string[]>(csv.replace(/^\uFEFF/, "")).data;
  const cell = (name: string) => row[header.indexOf(name)];
  expect(cell("Reminders")).toBe("60");
  for (const step of [
    "Received",
    "Forwarded to IT",
    "Sent by IT",
    "Confirmed by IT",
    "Relayed to requester",
  ]) {
    // The institution's wall clock, as Excel reads it (register.ts).
    expect(cell(`${step} (date)`)).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
  }
});
