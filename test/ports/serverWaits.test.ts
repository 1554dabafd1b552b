// The notifier between the Graph adapter's waits and the pane: it passes on the waits worth reading and can stop
// every wait that is not over yet, and only those.
import type { ServerWait } from "../../src/ports/serverWaits";
import { WaitNotifier } from "../../src/ports/serverWaits";

const wait = (ms: number): ServerWait => ({
  ms,
  status: 429,
  source: "client",
  operation: "send",
  waitedMs: 0,
  budgetMs: 120_000,
});

describe("WaitNotifier", () => {
  it("stops every wait that is not over, once, and leaves waits that are over alone", () => {
    let now = 1_000_000;
    const notifier = new WaitNotifier(() => now);
    const heard: ServerWait[] = [];
    notifier.subscribe((w) => heard.push(w));
    const stopped: string[] = [];
    notifier.notify(wait(2_000), () => stopped.push("old"));
    now += 10_000; // the first wait is long over
    notifier.notify(wait(4_000), () => stopped.push("a"));
    notifier.notify(wait(500), () => stopped.push("b"));

    notifier.stopWaiting();
    notifier.stopWaiting();

    expect(stopped).toEqual(["a", "b"]);
    // A 0.5 s wait is over before anyone could read it: not shown, but still stoppable.
    expect(heard.map((w) => w.ms)).toEqual([2_000, 4_000]);
  });
});
