// The one place the config loader meets HTTP, kept as a function of `fetch` so the loader stays DOM-free and
// tests pass a plain function instead.

/** Rejected when the config file cannot be read; `status` is the HTTP status when there was a response. */
export class ConfigFetchError extends Error {
  readonly status?: number;

  constructor(message: string, status?: number) {
    super(message);
    this.name = "ConfigFetchError";
    this.status = status;
  }
}

export type FetchText = (url: string) => Promise<string>;

type FetchLike = (
  url: string,
  init?: { cache?: "no-store" },
) => Promise<{
  ok: boolean;
  status: number;
  text(): Promise<string>;
}>;

/**
 * Adapts a `fetch` implementation into a FetchText. The file is fetched with `cache: "no-store"` so an
 * administrator's fix is seen on the next reload instead of after the browser's cache expires.
 */
export function fetchTextWith(fetchImpl: FetchLike): FetchText {
  return async (url) => {
    const response = await fetchImpl(url, { cache: "no-store" });
    if (!response.ok) throw new ConfigFetchError(`HTTP ${response.status}`, response.status);
    return response.text();
  };
}
