// Identifiers that look and behave like Exchange's: long, opaque item ids (the "AAMk…" family), change keys,
// RFC 4122 GUIDs for directory objects and request ids, and RFC 5322 message ids.
// Only Web Crypto's getRandomValues is used, which browsers and Node both provide.
//
// Item ids are NOT URL-safe. Ids that real Graph returned contain "/", "+" and "=" (an id "straight from the
// graph" in microsoftgraph/microsoft-graph-docs#10167; "roughly 1 in 5 ids" with "/" in elyxlz/microsoft-mcp#18),
// so a client must percent-encode an id to put it in a path, and an id with a raw "/" splits the path. Every
// message id the emulator mints has all three, so a path built without encodeURIComponent fails at once instead
// of one time in five. Ids are case-sensitive; path names are not (learn.microsoft.com/graph/call-api).

const BASE64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
const BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

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

function encode(bytes: Uint8Array, alphabet: string): string {
  let out = "";
  for (let i = 0; i < bytes.length; i += 3) {
    const n = ((bytes[i] ?? 0) << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += alphabet.charAt((n >> 18) & 63) + alphabet.charAt((n >> 12) & 63);
    if (i + 1 < bytes.length) out += alphabet.charAt((n >> 6) & 63);
    if (i + 2 < bytes.length) out += alphabet.charAt(n & 63);
  }
  return out;
}

/** Base64 with "-" and "_", no padding: tokens and change keys. */
export function toBase64Url(bytes: Uint8Array): string {
  return encode(bytes, BASE64URL);
}

/** Base64 with "+" and "/", no padding: the body of item ids. */
function toBase64(bytes: Uint8Array): string {
  return encode(bytes, BASE64);
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
    segment = toBase64(bytes);
    guidSegments.set(guid, segment);
  }
  return segment;
}

/**
 * A message id: mailbox-scoped prefix, 30 random bytes (ids never collide and never reveal order), and a
 * structural part that always holds "/" and "+" (see the note at the top).
 */
export function newMessageId(mailboxGuid: string): string {
  return `AAMkAD${guidSegment(mailboxGuid)}BGAAAAAA${toBase64(randomBytes(15))}BwD/z+${toBase64(randomBytes(15))}AAA=`;
}

/** A well-known folder's id is stable per mailbox, so it survives persistence without being stored twice. */
export function folderId(mailboxGuid: string, folder: string): string {
  const tag = toBase64(new TextEncoder().encode(folder.padEnd(12, ".")));
  return `AAMkAD${guidSegment(mailboxGuid)}AuAAAAAAEM/${tag}AAA=`;
}

export function newAttachmentId(messageId: string): string {
  return `${messageId.slice(0, -4)}BEgAQA${toBase64(randomBytes(12))}=`;
}

/** Change keys change on every write; Graph's etag is `W/"<changeKey>"`. */
export function newChangeKey(): string {
  return `CQAAABYAAAD${toBase64Url(randomBytes(15))}`;
}

export function newConversationId(mailboxGuid: string): string {
  return `AAQkAD${guidSegment(mailboxGuid)}AQA${toBase64(randomBytes(12))}=`;
}

export function newInternetMessageId(domain: string): string {
  return `<${toBase64Url(randomBytes(12)).toUpperCase()}@${domain}>`;
}

/** Opaque bearer tokens: not JWTs, because nothing on the client side may parse them. */
export function newToken(): string {
  return `EwB${toBase64Url(randomBytes(36))}`;
}

const MESSAGE_ID_SHAPE = /^AAMk[A-Za-z0-9+/_-]+=*$/;

/**
 * Exchange answers ErrorInvalidIdMalformed for a string that is not an item id at all (e.g. an Office.js
 * item id that was never passed through convertToRestId, which has another structure: see
 * src/demo/officeIds.ts). A well-formed id of no item is a 404.
 */
export function looksLikeRestId(id: string): boolean {
  return MESSAGE_ID_SHAPE.test(id);
}
