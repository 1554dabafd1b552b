// Narrowing helpers for JSON that arrives over HTTP: request bodies are `unknown` until proven otherwise.

export type JsonObject = Record<string, unknown>;

export function isRecord(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function isString(value: unknown): value is string {
  return typeof value === "string";
}

/** Own keys of a JSON object, without OData instance annotations ("@odata.type", "@odata.etag", …). */
export function dataKeys(value: JsonObject): string[] {
  return Object.keys(value).filter((key) => !key.startsWith("@"));
}
