// One effect per action, however many times it is asked for while it runs: twenty fast clicks on
// "Forward to IT" share the first click's promise instead of starting twenty sends.
//
// `singleFlightIn` scopes the flights to a workflow context (one pane, one person): another pane or another
// person is not folded into this one's promise — the claim on the record (workflow/claims.ts) decides between
// them, and tells the one who did not act who did. `singleFlight` is the older process-wide form.
const inFlight = new Map<string, Promise<unknown>>();
const inFlightByContext = new WeakMap<object, Map<string, Promise<unknown>>>();

function flight<T>(flights: Map<string, Promise<unknown>>, key: string, run: () => Promise<T>): Promise<T> {
  const running = flights.get(key);
  if (running) return running as Promise<T>;
  const started = run().finally(() => flights.delete(key));
  flights.set(key, started);
  return started;
}

export function singleFlight<T>(key: string, run: () => Promise<T>): Promise<T> {
  return flight(inFlight, key, run);
}

export function singleFlightIn<T>(scope: object, key: string, run: () => Promise<T>): Promise<T> {
  let flights = inFlightByContext.get(scope);
  if (!flights) {
    flights = new Map();
    inFlightByContext.set(scope, flights);
  }
  return flight(flights, key, run);
}
