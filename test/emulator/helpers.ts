// Shared setup for emulator tests: a small university tenant behind msw/node, and a raw-HTTP client that
// talks to it the way any Graph client would (fetch, bearer token, JSON).
import { createTenant } from "../../src/emulator";
import type { Tenant, TenantSpec } from "../../src/emulator";
import { startNodeEmulator } from "../../src/emulator/node";
import type { NodeEmulator } from "../../src/emulator/node";

export const GRAPH = "https://graph.microsoft.com/v1.0";
export const DOMAIN = "universidad.example";
export const ANA = `ana@${DOMAIN}`;
export const TIC = `tic@${DOMAIN}`;
export const COMMS = `comunicaciones@${DOMAIN}`;
export const LAURA = `laura@${DOMAIN}`;
export const JUAN = `juan@${DOMAIN}`;
export const RECTORIA = `rectoria@${DOMAIN}`;
export const STUDENTS = `estudiantes@${DOMAIN}`;
export const CASE_ID_PROP = "String {00020329-0000-0000-C000-000000000046} Name pregon.caseId";
export const STATE_PROP = "String {00020329-0000-0000-C000-000000000046} Name pregon.state";
export const HEADER_PROP = "String {00020386-0000-0000-C000-000000000046} Name x-pregon-case";

export const SPEC: TenantSpec = {
  domain: DOMAIN,
  users: [
    { address: ANA, displayName: "Ana Rodríguez" },
    { address: TIC, displayName: "División TIC" },
    { address: LAURA, displayName: "Laura Estudiante" },
    { address: JUAN, displayName: "Juan Estudiante" },
    { address: RECTORIA, displayName: "Rectoría" },
  ],
  sharedMailboxes: [{ address: COMMS, displayName: "Comunicaciones", delegates: [ANA] }],
  groups: [
    { address: STUDENTS, displayName: "Estudiantes", memberCount: 18432, members: [LAURA, JUAN] },
    { address: `docentes@${DOMAIN}`, displayName: "Docentes", memberCount: 1387, members: [] },
    {
      address: `consejo@${DOMAIN}`,
      displayName: "Consejo Académico",
      memberCount: 25,
      members: [RECTORIA],
      acceptsMessagesOnlyFrom: [RECTORIA],
    },
  ],
  sendAs: [{ user: TIC, address: RECTORIA }],
};

export interface GraphReply {
  status: number;
  headers: Headers;
  /** Parsed JSON when the response was JSON, the text otherwise. */
  body: unknown;
}

export interface Harness {
  readonly tenant: Tenant;
  /** Moves the tenant's clock forward (it stands still otherwise: tests never depend on real time passing). */
  advance(ms: number): void;
  /** Moves the clock past the tenant's Sent Items delay, so that copies of earlier sends are filed. */
  afterSentItemsDelay(): void;
  token(address: string): string;
  call(
    token: string | null,
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<GraphReply>;
}

/** Fresh tenant and msw server per test. */
export function setupEmulator(spec: TenantSpec = SPEC): Harness {
  let emulator: NodeEmulator | undefined;
  let current: Tenant | undefined;
  let nowMs = 0;
  const harness: Harness = {
    get tenant(): Tenant {
      if (!current) throw new Error("The tenant exists only inside a test.");
      return current;
    },
    advance: (ms) => {
      nowMs += ms;
    },
    afterSentItemsDelay: () => harness.advance(harness.tenant.sentItems.delayMs),
    token: (address) => harness.tenant.issueToken(address),
    call: async (token, method, path, body, headers = {}) => {
      const url = path.startsWith("https://") ? path : `${GRAPH}${path}`;
      const allHeaders: Record<string, string> = { ...headers };
      if (token) allHeaders.Authorization = `Bearer ${token}`;
      if (body !== undefined) allHeaders["Content-Type"] = "application/json";
      const response = await fetch(url, {
        method,
        headers: allHeaders,
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      });
      const text = await response.text();
      const type = response.headers.get("content-type") ?? "";
      const parsed: unknown = type.includes("json") && text ? JSON.parse(text) : text;
      return { status: response.status, headers: response.headers, body: parsed };
    },
  };
  beforeEach(() => {
    nowMs = Date.now();
    current = createTenant(spec, { now: () => new Date(nowMs) });
    emulator = startNodeEmulator(current);
  });
  afterEach(() => emulator?.close());
  return harness;
}

/** Narrowing for assertions on JSON bodies. */
export function obj(value: unknown): Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value))
    throw new Error(`Not an object: ${String(value)}`);
  return value as Record<string, unknown>;
}

export function list(value: unknown): Record<string, unknown>[] {
  const body = obj(value);
  if (!Array.isArray(body.value)) throw new Error("No value array");
  return body.value.map(obj);
}

export function errorCode(value: unknown): string {
  return String(obj(obj(value).error).code);
}

/** A received message in Graph JSON, as fixtures and demo seeds are written. */
export function incoming(subject: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    subject,
    from: { emailAddress: { name: "Decanatura", address: `decanatura@${DOMAIN}` } },
    toRecipients: [{ emailAddress: { address: COMMS } }],
    receivedDateTime: "2026-11-27T14:05:00Z",
    body: { contentType: "html", content: `<p>${subject}</p>` },
    ...extra,
  };
}
