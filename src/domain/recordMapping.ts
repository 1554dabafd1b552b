// Maps a Case to the version-1 stored shape and back (the shape itself is described in recordSchema.ts).
// Absent optional fields stay absent both ways, so that decode(encode(case)) equals the case.
import type { StoredArchiveV1, StoredEntryV1, StoredRecordV1 } from "./recordSchema";
import { RECORD_VERSION } from "./recordSchema";
import { buildStringTable, resolveRef } from "./stringTable";
import type { StringRef, StringTable } from "./stringTable";
import type { Case, CaseFields, Evidence, HistoryEntry, MailAddress } from "./types";

type StoredFields = StoredRecordV1["fields"];

export function toRecord(c: Case): StoredRecordV1 {
  const table = buildStringTable(refValuesOf(c));
  // Keys in reading order: the header, then the history, then the shared strings.
  return {
    v: RECORD_VERSION,
    id: c.id,
    state: c.state,
    createdAt: c.createdAt,
    requester: copyAddress(c.requester),
    fields: toStoredFields(c.fields, table),
    dueDate: c.dueDate,
    ...(c.requestMessageId === undefined ? {} : { requestMessageId: table.ref(c.requestMessageId) }),
    ...(c.owner === undefined ? {} : { owner: c.owner }),
    ...(c.cancelReason === undefined ? {} : { cancelReason: c.cancelReason }),
    ...(c.itVersion === undefined ? {} : { itVersion: c.itVersion }),
    ...(c.relayTo === undefined ? {} : { relayTo: copyAddress(c.relayTo) }),
    ...(c.messageText === undefined ? {} : { messageText: c.messageText }),
    history: c.history.map((entry) => toStoredEntry(entry, table)),
    ...(table.strings.length === 0 ? {} : { strings: [...table.strings] }),
    ...(c.claim === undefined ? {} : { claim: { ...c.claim } }),
  };
}

/** Expects a record that passed recordSchemaV1 (so every reference resolves). */
export function fromRecord(record: StoredRecordV1): Case {
  const deref = (ref: StringRef) => resolveRef(ref, record.strings ?? []) ?? "";
  const c: Case = {
    id: record.id,
    state: record.state,
    createdAt: record.createdAt,
    requester: copyAddress(record.requester),
    fields: fromStoredFields(record.fields, deref),
    dueDate: record.dueDate,
    history: record.history.map((entry) => fromStoredEntry(entry, deref)),
  };
  if (record.requestMessageId !== undefined) c.requestMessageId = deref(record.requestMessageId);
  if (record.owner !== undefined) c.owner = record.owner;
  if (record.cancelReason !== undefined) c.cancelReason = record.cancelReason;
  if (record.itVersion !== undefined) c.itVersion = record.itVersion;
  if (record.relayTo !== undefined) c.relayTo = copyAddress(record.relayTo);
  if (record.messageText !== undefined) c.messageText = record.messageText;
  if (record.claim !== undefined) c.claim = { ...record.claim };
  return c;
}

/** The stored shape of a compacted case's older history (see compaction.ts). */
export function toArchive(caseId: string, history: readonly HistoryEntry[]): StoredArchiveV1 {
  const values: string[] = [];
  pushEntryRefValues(values, history);
  const table = buildStringTable(values);
  return {
    v: RECORD_VERSION,
    id: caseId,
    history: history.map((entry) => toStoredEntry(entry, table)),
    ...(table.strings.length === 0 ? {} : { strings: [...table.strings] }),
  };
}

/** Expects an archive that passed archiveSchemaV1. */
export function fromArchive(archive: StoredArchiveV1): HistoryEntry[] {
  const deref = (ref: StringRef) => resolveRef(ref, archive.strings ?? []) ?? "";
  return archive.history.map((entry) => fromStoredEntry(entry, deref));
}

/** The values that go through the string table, in the order they appear in the record. */
function refValuesOf(c: Case): string[] {
  const values = [...c.fields.attachmentIds];
  if (c.requestMessageId !== undefined) values.push(c.requestMessageId);
  pushEntryRefValues(values, c.history);
  return values;
}

function pushEntryRefValues(values: string[], history: readonly HistoryEntry[]): void {
  for (const entry of history) {
    const e = entry.evidence;
    values.push(entry.by);
    if (entry.for !== undefined) values.push(entry.for);
    for (const value of [e?.messageId, e?.internetMessageId, e?.conversationId, ...(e?.groups ?? [])]) {
      if (value !== undefined) values.push(value);
    }
  }
}

function copyAddress(address: MailAddress): MailAddress {
  return address.name === undefined
    ? { address: address.address }
    : { address: address.address, name: address.name };
}

function toStoredFields(fields: CaseFields, table: StringTable): StoredFields {
  const stored: StoredFields = {
    requestingUnit: fields.requestingUnit,
    desiredSender: fields.desiredSender,
    subject: fields.subject,
    audiences: [...fields.audiences],
    urgency: fields.urgency,
    attachmentIds: fields.attachmentIds.map(table.ref),
  };
  if (fields.requestedDate !== undefined) stored.requestedDate = fields.requestedDate;
  return stored;
}

function fromStoredFields(stored: StoredFields, deref: (ref: StringRef) => string): CaseFields {
  const fields: CaseFields = {
    requestingUnit: stored.requestingUnit,
    desiredSender: stored.desiredSender,
    subject: stored.subject,
    audiences: [...stored.audiences],
    urgency: stored.urgency,
    attachmentIds: stored.attachmentIds.map(deref),
  };
  if (stored.requestedDate !== undefined) fields.requestedDate = stored.requestedDate;
  return fields;
}

function toStoredEntry(entry: HistoryEntry, table: StringTable): StoredEntryV1 {
  const stored: StoredEntryV1 = { t: entry.at, b: table.ref(entry.by), a: entry.action };
  const e = entry.evidence;
  if (entry.for !== undefined) stored.f = table.ref(entry.for);
  if (entry.note !== undefined) stored.n = entry.note;
  if (e?.messageId !== undefined) stored.m = table.ref(e.messageId);
  if (e?.internetMessageId !== undefined) stored.i = table.ref(e.internetMessageId);
  if (e?.conversationId !== undefined) stored.c = table.ref(e.conversationId);
  if (e?.sentAt !== undefined) stored.s = e.sentAt;
  if (e?.scheduledFor !== undefined) stored.d = e.scheduledFor;
  if (e?.groups !== undefined) stored.g = e.groups.map(table.ref);
  if (e?.recipientCount !== undefined) stored.r = e.recipientCount;
  if (e?.approvedBy !== undefined) stored.p = table.ref(e.approvedBy);
  if (e?.approvedAt !== undefined) stored.q = e.approvedAt;
  if (e?.contentWarnings !== undefined) stored.w = [...e.contentWarnings];
  if (entry.count !== undefined) stored.k = entry.count;
  if (entry.firstAt !== undefined) stored.o = entry.firstAt;
  return stored;
}

function fromStoredEntry(stored: StoredEntryV1, deref: (ref: StringRef) => string): HistoryEntry {
  const entry: HistoryEntry = { at: stored.t, by: deref(stored.b), action: stored.a };
  if (stored.f !== undefined) entry.for = deref(stored.f);
  if (stored.n !== undefined) entry.note = stored.n;
  const evidence: Evidence = {};
  if (stored.m !== undefined) evidence.messageId = deref(stored.m);
  if (stored.i !== undefined) evidence.internetMessageId = deref(stored.i);
  if (stored.c !== undefined) evidence.conversationId = deref(stored.c);
  if (stored.s !== undefined) evidence.sentAt = stored.s;
  if (stored.d !== undefined) evidence.scheduledFor = stored.d;
  if (stored.g !== undefined) evidence.groups = stored.g.map(deref);
  if (stored.r !== undefined) evidence.recipientCount = stored.r;
  if (stored.p !== undefined) evidence.approvedBy = deref(stored.p);
  if (stored.q !== undefined) evidence.approvedAt = stored.q;
  if (stored.w !== undefined) evidence.contentWarnings = [...stored.w];
  if (Object.keys(evidence).length > 0) entry.evidence = evidence;
  if (stored.k !== undefined) entry.count = stored.k;
  if (stored.o !== undefined) entry.firstAt = stored.o;
  return entry;
}
