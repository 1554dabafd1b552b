// Converting a Fetch API Request (what msw hands over, in the browser and in Node) into an EmuRequest.
import type { EmuRequest, EmuResponse } from "./http";

/** Marker for a JSON body that did not parse; routes that need JSON answer 400 for it. */
export const UNREADABLE_JSON = Symbol("unreadable-json");

export async function fromFetchRequest(request: Request): Promise<EmuRequest> {
  const headers = new Map<string, string>();
  request.headers.forEach((value, key) => headers.set(key.toLowerCase(), value));
  const method = request.method.toUpperCase();
  const base: EmuRequest = { method, url: new URL(request.url), headers, body: undefined };
  if (method === "GET" || method === "HEAD") return base;
  const bytes = new Uint8Array(await request.arrayBuffer());
  if (bytes.length === 0) return base;
  const type = headers.get("content-type") ?? "";
  if (type.includes("json") || type === "") {
    const text = new TextDecoder().decode(bytes);
    try {
      return { ...base, body: JSON.parse(text) as unknown, rawBytes: bytes };
    } catch {
      if (type.includes("json")) return { ...base, body: UNREADABLE_JSON, rawBytes: bytes };
    }
  }
  return { ...base, rawBytes: bytes };
}

/** A Fetch API Response; a dropped connection becomes the TypeError fetch itself would reject with. */
export function toFetchResponse(response: EmuResponse): Response {
  if (response.dropConnection) throw new TypeError("Failed to fetch");
  const headers = new Headers(response.headers);
  switch (response.body.kind) {
    case "json":
      return new Response(JSON.stringify(response.body.value), { status: response.status, headers });
    case "text":
      return new Response(response.body.value, { status: response.status, headers });
    case "bytes":
      return new Response(new Uint8Array(response.body.value), { status: response.status, headers });
    case "empty":
      return new Response(null, { status: response.status, headers });
  }
}
