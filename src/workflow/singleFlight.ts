// One effect per action, however many times it is asked for while it runs: twenty fast clicks on
// "Forward to IT" share the first click's promise instead of starting twenty sends.
const inFlight = new Map<string, Promise<unknown>>();

export function singleFlight<T>(key: string, run: () => Promise<T>): Promise<T> {
  const running = inFlight.get(key);
  if (running) return running as Promise<T>;
  const started = run().finally(() => inFlight.delete(key));
  inFlight.set(key, started);
  return started;
}
