// Single flight scoped to a workflow context: clicks in one pane share one run; another pane runs its own (the
// claim on the record decides between panes).
import { singleFlightIn } from "../../src/workflow/singleFlight";

function gate() {
  let open: () => void = () => {};
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { opened, open };
}

describe("singleFlightIn", () => {
  it("shares one run among calls in the same context while it runs, and starts afresh after", async () => {
    const pane = {};
    const g = gate();
    let runs = 0;
    const run = async () => {
      runs += 1;
      await g.opened;
      return runs;
    };
    const clicks = Array.from({ length: 20 }, () => singleFlightIn(pane, "forward:m1", run));
    g.open();
    expect(await Promise.all(clicks)).toEqual(Array.from({ length: 20 }, () => 1));
    expect(runs).toBe(1);
    expect(await singleFlightIn(pane, "forward:m1", run)).toBe(2);
  });

  it("does not fold another context's call, nor another key, into a running one", async () => {
    const a = {};
    const b = {};
    const g = gate();
    const started: string[] = [];
    const run = (who: string) => async () => {
      started.push(who);
      await g.opened;
      return who;
    };
    const calls = [
      singleFlightIn(a, "k", run("a")),
      singleFlightIn(b, "k", run("b")),
      singleFlightIn(a, "other", run("a-other")),
    ];
    g.open();
    expect(await Promise.all(calls)).toEqual(["a", "b", "a-other"]);
    expect(started).toEqual(["a", "b", "a-other"]);
  });

  it("lets the next call run again after a failure", async () => {
    const pane = {};
    await expect(singleFlightIn(pane, "k", () => Promise.reject(new Error("503")))).rejects.toThrow("503");
    await expect(singleFlightIn(pane, "k", () => Promise.resolve("ok"))).resolves.toBe("ok");
  });
});
