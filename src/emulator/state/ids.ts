// Identifiers that look and behave like Exchange's: long, opaque, URL-safe REST ids (the "AAMk…" family),
// change keys, RFC 4122 GUIDs for directory objects and request ids, and RFC 5322 message ids.
// Only Web Crypto's getRandomValues is used, which browsers and Node both provide.

const BASE64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

// Random bytes come from a 64 KiB pool refilled by one getRandomValues call: seeding 10,000 messages needs
// ~50,000 ids, and one call per id costs ~20 µs in some environments (jsdom), which alone took a second.
const POOL_SIZE = 65536;
let pool = new Uint8Array(0);
let poolOffset = 0;

export function randomBytes(length: number): Uint8Array {
  if (length > POOL_SIZE) throw new RangeError("randomBytes is for identifiers, at most 64 KiB.");
  if (poolOffset + length > pool.length) {
    pool = new Uint8Array(POOL_SIZE);
    crypto.getRandomValues(pool);
    poolOffset = 0;
  }
  const bytes = pool.slice(poolOffset, poolOffset + length);
  poolOffset += length;
  return bytes;
}

export function toBase64Url(bytes: Uint8Array): string {
  let out = "";
  for (let i = 0; i < bytes.length; i += 3) {
    const n = ((bytes[i] ?? 0) << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += BASE64URL.charAt((n >> 18) & 63) + BASE64URL.charAt((n >> 12) & 63);
    if (i + 1 < bytes.length) out += BASE64URL.charAt((n >> 6) & 63);
    if (i + 2 < bytes.length) out += BASE64URL.charAt(n & 63);
  }
  return out;
}

export function newGuid(): string {
  const b = randomBytes(16);
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The mailbox part of its item ids, computed once per mailbox (seeding creates thousands of ids). */
const guidSegments = new Map<string, string>();

function guidSegment(guid: string): string {
  let segment = guidSegments.get(guid);
  if (segment === undefined) {
    const hex = guid.replace(/-/g, "");
    const bytes = new Uint8Array(16);
    for (let i = 0; i < 16; i += 1) bytes[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
    segment = toBase64Url(bytes);
    guidSegments.set(guid, segment);
  }
  return segment;
}

/** A message id: mailbox-scoped prefix plus 30 random bytes, so ids never collide and never reveal order. */
export function newMessageId(mailboxGuid: string): string {
  return `AAMkAD${guidSegment(mailboxGuid)}BGAAAAAA${toBase64Url(randomBytes(30))}AAA=`;
}

/** A well-known folder's id is stable per mailbox, so it survives persistence without being stored twice. */
export function folderId(mailboxGuid: string, folder: string): string {
  const tag = toBase64Url(new TextEncoder().encode(folder.padEnd(12, ".")));
  return `AAMkAD${guidSegment(mailboxGuid)}AuAAAAAAEM${tag}AAA=`;
}

export function newAttachmentId(messageId: string): string {
  return `${messageId.slice(0, -4)}BEgAQA${toBase64Url(randomBytes(12))}=`;
}

/** Change keys change on every write; Graph's etag is `W/"<changeKey>"`. */
export function newChangeKey(): string {
  return `CQAAABYAAAD${toBase64Url(randomBytes(15))}`;
}

export function newConversationId(mailboxGuid: string): string {
  return `AAQkAD${guidSegment(mailboxGuid)}AQA${toBase64Url(randomBytes(12))}=`;
}

export function newInternetMessageId(domain: string): string {
  return `<${toBase64Url(randomBytes(12)).toUpperCase()}@${domain}>`;
}

/** Opaque bearer tokens: not JWTs, because nothing on the client side may parse them. */
export function newToken(): string {
  return `EwB${toBase64Url(randomBytes(36))}`;
}

const MESSAGE_ID_SHAPE = /^AAMk[A-Za-z0-9_-]+=*$/;

/** Exchange rejects ids that are not REST ids (e.g. an EWS id with "/" and "+" that was never converted). */
export function looksLikeRestId(id: string): boolean {
  return MESSAGE_ID_SHAPE.test(id);
}
