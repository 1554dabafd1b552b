// The emulator's own request/response shapes. The core speaks these (plain data, no msw, no DOM), so it can
// run behind msw in the browser, behind msw/node in tests, and re-enter itself for $batch sub-requests.

export interface EmuRequest {
  method: string;
  url: URL;
  /** Header names are lower-case. */
  headers: Map<string, string>;
  /** Parsed JSON for JSON bodies, raw bytes otherwise, undefined when there is no body. */
  body: unknown;
  rawBytes?: Uint8Array;
  /** Set on $batch sub-requests: the id the client gave the step. */
  batchStepId?: string;
}

export type EmuBody =
  | { kind: "json"; value: unknown }
  | { kind: "text"; value: string }
  | { kind: "bytes"; value: Uint8Array; contentType: string }
  | { kind: "empty" };

export interface EmuResponse {
  status: number;
  headers: Record<string, string>;
  body: EmuBody;
  /** The server did its work but the client sees the connection drop (fault injection). */
  dropConnection?: boolean;
  /** Set on failures; the pipeline renders Graph's error JSON once the request id is known. */
  graphError?: { code: string; message: string };
}

export function jsonResponse(
  status: number,
  value: unknown,
  headers: Record<string, string> = {},
): EmuResponse {
  return {
    status,
    headers: { "content-type": "application/json", ...headers },
    body: { kind: "json", value },
  };
}

export function emptyResponse(status: number, headers: Record<string, string> = {}): EmuResponse {
  return { status, headers, body: { kind: "empty" } };
}

export function textResponse(
  status: number,
  value: string,
  headers: Record<string, string> = {},
): EmuResponse {
  return { status, headers: { "content-type": "text/plain", ...headers }, body: { kind: "text", value } };
}

export function bytesResponse(status: number, value: Uint8Array, contentType: string): EmuResponse {
  return { status, headers: { "content-type": contentType }, body: { kind: "bytes", value, contentType } };
}
