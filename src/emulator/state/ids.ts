// Identifiers that look and behave like Exchange's: long, opaque, URL-safe REST ids (the "AAMk…" family),
// change keys, RFC 4122 GUIDs for directory objects and request ids, and RFC 5322 message ids.
// Only Web Crypto's getRandomValues is used, which browsers and Node both provide.

const BASE64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

export function randomBytes(length: number): Uint8Array {
  const bytes = new Uint8Array(length);
  crypto.getRandomValues(bytes);
  return bytes;
}

export function toBase64Url(bytes: Uint8Array): string {
  let out = "";
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i] ?? 0;
    const b = bytes[i + 1] ?? 0;
    const c = bytes[i + 2] ?? 0;
    const n = (a << 16) | (b << 8) | c;
    const chars = [(n >> 18) & 63, (n >> 12) & 63, (n >> 6) & 63, n & 63];
    const keep = i + 2 < bytes.length ? 4 : i + 1 < bytes.length ? 3 : 2;
    for (let k = 0; k < keep; k += 1) out += BASE64URL[chars[k] ?? 0];
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

function guidBytes(guid: string): Uint8Array {
  const hex = guid.replace(/-/g, "");
  const out = new Uint8Array(16);
  for (let i = 0; i < 16; i += 1) out[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}

/** A message id: mailbox-scoped prefix plus 30 random bytes, so ids never collide and never reveal order. */
export function newMessageId(mailboxGuid: string): string {
  return `AAMkAD${toBase64Url(guidBytes(mailboxGuid))}BGAAAAAA${toBase64Url(randomBytes(30))}AAA=`;
}

/** A well-known folder's id is stable per mailbox, so it survives persistence without being stored twice. */
export function folderId(mailboxGuid: string, folder: string): string {
  const tag = toBase64Url(new TextEncoder().encode(folder.padEnd(12, ".")));
  return `AAMkAD${toBase64Url(guidBytes(mailboxGuid))}AuAAAAAAEM${tag}AAA=`;
}

export function newAttachmentId(messageId: string): string {
  return `${messageId.slice(0, -4)}BEgAQA${toBase64Url(randomBytes(12))}=`;
}

/** Change keys change on every write; Graph's etag is `W/"<changeKey>"`. */
export function newChangeKey(): string {
  return `CQAAABYAAAD${toBase64Url(randomBytes(15))}`;
}

export function newConversationId(mailboxGuid: string): string {
  return `AAQkAD${toBase64Url(guidBytes(mailboxGuid))}AQA${toBase64Url(randomBytes(12))}=`;
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
