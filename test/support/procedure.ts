// The later steps of the procedure as plain calls, for tests that need a case further along: IT opens the
// forward, prepares the mass mail for the case's audiences, sends it and confirms to Communications.
import type { ItRecord } from "../../src/domain/itRecord";
import { CASE_PROPERTY_IDS } from "../../src/graph";
import type { MessageKind } from "../../src/ports/mailService";
import type { StoredMessage } from "../../src/emulator";
import { audienceCounts } from "../../src/workflow/it/groups";
import { confirmToCommunications, prepareMassMail, sendMassMail } from "../../src/workflow/it/itActions";
import { openItItem } from "../../src/workflow/it/openItCase";
import type { ItOpened } from "../../src/workflow/it/openItCase";
import { chooseSender } from "../../src/workflow/it/senders";
import type { World } from "./world";
import { IT } from "./world";

export type ItCase = Extract<ItOpened, { kind: "itCase" }>;

/** The forward of a case in IT's inbox (the one with the case header, not a reminder). */
export function forwardInItInbox(world: World, caseId: string): StoredMessage {
  const found = world.tenant
    .storedMessages(IT, "inbox")
    .filter((m) => m.subject.includes(`[${caseId}]`))
    .find((m) => m.internetMessageHeaders.some((h) => h.name.toLowerCase() === "x-pregon-case"));
  if (!found) throw new Error(`No forward of ${caseId} in IT's inbox`);
  return found;
}

export async function openForward(world: World, caseId: string): Promise<ItCase> {
  const forward = forwardInItInbox(world, caseId);
  const opened = await openItItem(world.it.ctx, world.it.select(forward.id, forward.subject));
  if (opened.kind !== "itCase") throw new Error(`Expected an IT case, got ${opened.kind}`);
  return opened;
}

/** Prepares the mass mail for the case's own audiences, from the requested sender where IT may use it. */
export async function prepareForCase(world: World, opened: ItCase): Promise<ItRecord> {
  const counts = await audienceCounts(world.it.ctx);
  return prepareMassMail(world.it.ctx, opened, {
    audiences: opened.summary.fields.audiences,
    counts,
    sender: chooseSender(world.config, opened.summary),
  });
}

/** IT's whole part: open, prepare, send, confirm. Returns IT's final record. */
export async function itSendsAndConfirms(world: World, caseId: string): Promise<ItRecord> {
  const opened = await openForward(world, caseId);
  await prepareForCase(world, opened);
  await sendMassMail(world.it.ctx, opened);
  return confirmToCommunications(world.it.ctx, opened);
}

/** The member count of each configured audience, as the tenant's directory has it. */
export function memberCountOf(world: World, audience: string): number {
  const group = world.config.audiences.find((a) => a.key === audience)?.group;
  const count = group ? world.tenant.group(group)?.memberCount : undefined;
  if (count === undefined) throw new Error(`No group for audience ${audience}`);
  return count;
}

/**
 * The member count Graph gives for an audience: none for an Exchange dynamic distribution group (Graph does not
 * know it), so it adds nothing to a total.
 */
export function graphCountOf(world: World, audience: string): number {
  const group = world.config.audiences.find((a) => a.key === audience)?.group;
  return group && world.tenant.group(group)?.dynamic ? 0 : memberCountOf(world, audience);
}

/** A Pregón property of a stored message (ids compared the way Graph does: GUID case ignored). */
export function storedProp(message: StoredMessage, key: keyof typeof CASE_PROPERTY_IDS): string | undefined {
  const wanted = CASE_PROPERTY_IDS[key].toLowerCase();
  return message.singleValueExtendedProperties.find((p) => p.id.toLowerCase() === wanted)?.value;
}

/** Messages of a folder that carry this case id and kind in Pregón's properties. */
export function storedOfKind(
  world: World,
  address: string,
  folder: "inbox" | "sentitems" | "drafts",
  caseId: string,
  kind: MessageKind,
): StoredMessage[] {
  return world.tenant
    .storedMessages(address, folder)
    .filter((m) => storedProp(m, "caseId") === caseId && storedProp(m, "kind") === kind);
}
