// The demo institution on the embedded tenant, for workflow tests: the Graph emulator behind msw/node, the real
// Graph adapter in front of it, and one WorkflowContext per person — the Communications professional working
// in the shared comunicaciones@ mailbox, and the IT operator in the shared tic@ mailbox, each signed in as
// themselves and a delegate of the shared mailbox (as Microsoft advises). Time is one test clock shared
// by the tenant and the workflow; the adapter's retries wait for nothing.
import { readFileSync } from "node:fs";
import path from "node:path";
import { parseConfig } from "../../src/config/load";
import type { PregonConfig } from "../../src/config/schema";
import { COMMUNICATIONS, DOMAIN, IT, OPERATOR, PROFESSIONAL, TENANT_SPEC } from "../../src/demo/tenantSpec";
import { createTenant } from "../../src/emulator";
import type { Tenant, TenantSpec } from "../../src/emulator";
import { startNodeEmulator } from "../../src/emulator/node";
import type { NodeEmulator } from "../../src/emulator/node";
import { GraphMailService, quoteHeaderOf } from "../../src/graph";
import type { GraphMailServiceOptions } from "../../src/graph";
import type { SelectedItem } from "../../src/ports/mailHost";
import type { MailboxId } from "../../src/ports/mailService";
import { sanitizeHtml } from "../../src/sanitize/sanitizeHtml";
import type { WorkflowContext } from "../../src/workflow/context";
import demoConfig from "../../src/demo/demo.config.json";

export { COMMUNICATIONS, DOMAIN, IT, OPERATOR, PROFESSIONAL, TENANT_SPEC };

/** A second Communications professional, delegate of the shared mailbox in `specWithSecondProfessional`. */
export const SECOND_PROFESSIONAL = `luis.perez@${DOMAIN}`;

export const REQUESTS_DIR = path.resolve(__dirname, "../data/requests");

export function requestFixtureNames(): string[] {
  return [
    "01-structured-es.json",
    "02-freeform-es.json",
    "03-flyer-attachment.json",
    "04-urgent.json",
    "05-missing-fields.json",
    "06-english.json",
    "07-forwarded-chain.json",
    "08-hostile-html.json",
    "09-english-freeform.json",
    "10-manana-es.json",
    "11-plain-text.json",
    "12-table-inline-images.json",
    "13-forwarded-english.json",
  ];
}

export function loadFixture(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(path.join(REQUESTS_DIR, name), "utf8")) as Record<string, unknown>;
}

export function demoPregonConfig(): PregonConfig {
  const parsed = parseConfig(demoConfig);
  if (!parsed.ok) throw new Error(`demo.config.json is invalid: ${JSON.stringify(parsed.problems)}`);
  return parsed.config;
}

/** The demo's spec plus a second professional with full access (and Send As) on comunicaciones@. */
export function specWithSecondProfessional(): TenantSpec {
  const spec = structuredClone(TENANT_SPEC);
  spec.users.push({ address: SECOND_PROFESSIONAL, displayName: "Luis Pérez (Comunicaciones)" });
  const shared = spec.sharedMailboxes?.find((m) => m.address === COMMUNICATIONS);
  if (!shared) throw new Error("The demo spec has no communications mailbox");
  shared.delegates.push(SECOND_PROFESSIONAL);
  return spec;
}

/** One clock for the tenant's timestamps and the workflow's "now"; tests move it forward explicitly. */
export class TestClock {
  private ms: number;

  constructor(start: string) {
    this.ms = Date.parse(start);
  }

  now(): Date {
    return new Date(this.ms);
  }

  advance(ms: number): void {
    this.ms += ms;
  }

  set(instant: string): void {
    this.ms = Date.parse(instant);
  }
}

export interface Actor {
  ctx: WorkflowContext;
  /** The mailbox segment this person works in ("me", or the shared mailbox's address). */
  mailbox: MailboxId;
  /** What the mail host would report as the selected item. */
  select(itemId: string, subject?: string): SelectedItem;
}

export interface World {
  tenant: Tenant;
  /** The msw server answering for the tenant (tests may put a handler in front of it with `server.use`). */
  server: NodeEmulator["server"];
  clock: TestClock;
  config: PregonConfig;
  /** Ana, in the shared comunicaciones@ mailbox. */
  comms: Actor;
  /** Carlos, IT's operator, in the shared tic@ mailbox. */
  it: Actor;
  actor(user: string, mailbox: MailboxId): Actor;
  /** Moves the shared clock past the tenant's Sent Items delay: copies of earlier sends are then filed. */
  afterSentItemsDelay(): void;
  /** Delivers a request fixture (or any Graph message JSON) to the comunicaciones@ inbox; returns its id. */
  deliverRequest(fixture: string | Record<string, unknown>): string;
  close(): void;
}

export interface WorldOptions {
  spec?: TenantSpec;
  /** Where the shared clock starts; default just after the latest request fixture arrived. */
  start?: string;
  graph?: GraphMailServiceOptions;
}

export const WORLD_START = "2026-12-04T14:00:00Z";

/** Retries that do not wait (but still yield, so concurrent calls interleave). */
const FAST_GRAPH: GraphMailServiceOptions = {
  clock: { sleep: () => new Promise((resolve) => setTimeout(resolve, 0)), random: () => 0.5 },
};

let openWorlds = 0;

export function makeWorld(options: WorldOptions = {}): World {
  if (openWorlds > 0) throw new Error("Close the open world first: two msw servers would both answer");
  const clock = new TestClock(options.start ?? WORLD_START);
  const tenant = createTenant(options.spec ?? TENANT_SPEC, { now: () => clock.now(), logLimit: 100_000 });
  const emulator: NodeEmulator = startNodeEmulator(tenant);
  openWorlds += 1;
  let closed = false;
  const config = demoPregonConfig();

  const actor = (user: string, mailbox: MailboxId): Actor => {
    const mail = new GraphMailService(
      { getAccessToken: async () => tenant.issueToken(user) },
      { ...FAST_GRAPH, quoteHeader: quoteHeaderOf(config), ...options.graph },
    );
    const ctx: WorkflowContext = { mail, config, user, now: () => clock.now(), sanitizeHtml };
    return {
      ctx,
      mailbox,
      select: (itemId, subject = "") => ({ itemId, subject, mailbox }),
    };
  };

  return {
    tenant,
    server: emulator.server,
    clock,
    config,
    comms: actor(PROFESSIONAL, COMMUNICATIONS),
    it: actor(OPERATOR, IT),
    actor,
    afterSentItemsDelay: () => clock.advance(tenant.sentItems.delayMs),
    deliverRequest: (fixture) =>
      tenant.deliver(COMMUNICATIONS, typeof fixture === "string" ? loadFixture(fixture) : fixture),
    close: () => {
      if (closed) return;
      closed = true;
      openWorlds -= 1;
      emulator.close();
    },
  };
}

/**
 * A world per test, built on the test's first call (with that call's options) and closed after the test. Only
 * one world may be open at a time: two msw servers would both intercept every request.
 */
export function setupWorld(defaults: WorldOptions = {}): (options?: WorldOptions) => World {
  let world: World | undefined;
  afterEach(() => {
    world?.close();
    world = undefined;
  });
  return (options) => {
    world ??= makeWorld({ ...defaults, ...options });
    return world;
  };
}
