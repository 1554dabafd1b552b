// Listing snapshots: what makes paging through a large mailbox cost the emulator one filter and one sort per
// listing instead of one per page.
//
// Graph pages message lists by offset: the @odata.nextLink carries the count of items already gone through,
// and the next page is read from the mailbox as it is then (list messages: "This API uses the $skip value to
// keep count of all the items it has gone through"). Re-filtering and re-sorting the whole mailbox for every
// page gives the same answer only at a cost that grows with the mailbox times the number of pages. So the
// first page of a listing keeps its filtered, ordered messages here, and the continuation token names the
// snapshot; a later page is cut from it only while nothing could have changed the answer: the mailbox has
// gained or lost no message (MessageMap.revision) and the tenant has handled no request that writes
// (Tenant.writes: every non-GET request, and every hand-out of stored messages to tests). Otherwise the page
// is computed afresh from the live mailbox at the token's offset, exactly as before. Runtime-only state.
import type { StoredMessage } from "./message";
import type { Mailbox } from "./mailbox";

export interface ListingKey {
  mailbox: Mailbox;
  /** The folder segment (undefined for …/messages), $filter and $orderby as the request spelt them. */
  folder: string | undefined;
  filter: string;
  orderBy: string;
}

interface Snapshot extends ListingKey {
  messagesRevision: number;
  writes: number;
  ordered: StoredMessage[];
}

/** How many listings are kept at once (a pane pages through one or two; older ones are dropped first). */
const KEPT = 8;

export class ListingSnapshots {
  private readonly kept = new Map<string, Snapshot>();
  private nextId = 1;
  /** Messages run through a $filter by listings, since the tenant started (for tests of the emulator's cost). */
  scanned = 0;

  /** The ordered messages of snapshot `id` if it is for this listing and still what a fresh listing would give. */
  reuse(id: string | undefined, key: ListingKey, writes: number): StoredMessage[] | undefined {
    if (id === undefined) return undefined;
    const found = this.kept.get(id);
    if (!found) return undefined;
    const same =
      found.mailbox === key.mailbox &&
      found.folder === key.folder &&
      found.filter === key.filter &&
      found.orderBy === key.orderBy &&
      found.messagesRevision === key.mailbox.messages.revision &&
      found.writes === writes;
    if (!same) {
      this.kept.delete(id);
      return undefined;
    }
    return found.ordered;
  }

  /** Keeps an ordered listing; returns the id its continuation tokens carry. */
  keep(key: ListingKey, writes: number, ordered: StoredMessage[]): string {
    const id = (this.nextId++).toString(36);
    this.kept.set(id, { ...key, messagesRevision: key.mailbox.messages.revision, writes, ordered });
    while (this.kept.size > KEPT) {
      const oldest = this.kept.keys().next().value;
      if (oldest === undefined) break;
      this.kept.delete(oldest);
    }
    return id;
  }
}
