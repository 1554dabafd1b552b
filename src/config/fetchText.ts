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
  init?: { cache?: "no-store" | "default" },
) => Promise<{
  ok: boolean;
  status: number;
  text(): Promise<string>;
}>;

/**
 * Adapts a `fetch` implementation into a FetchText. By default the file is fetched with `cache: "no-store"` so an
 * administrator's fix is seen on the next reload instead of after the browser's cache expires.
 *
 * `{ preloaded: true }` is for a page that asks for the file with `<link rel="preload" as="fetch" crossorigin>`
 * (taskpane.html) so that it downloads while the scripts load: the browser hands the preloaded response only to
 * a fetch in the default cache mode (a "no-store" fetch would download the file a second time). Freshness then
 * rests on the preload itself, which revalidates because the file is served with `Cache-Control: no-cache`
 * (docs/ADMIN.md).
 */
export function fetchTextWith(fetchImpl: FetchLike, options: { preloaded?: boolean } = {}): FetchText {
  const init = { cache: options.preloaded ? "default" : "no-store" } as const;
  return async (url) => {
    const response = await fetchImpl(url, init);
    if (!response.ok) throw new ConfigFetchError(`HTTP ${response.status}`, response.status);
    return response.text();
  };
}
