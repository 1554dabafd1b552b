// Holding a pane's record write back until the test says so, to put two people's actions in a chosen order
// ("Luis read the record, then Ana's reminder was saved, then Luis saved") without timing guesses. The pane's
// real Graph adapter does the work; only the moment of writeCaseProps is chosen.
import type { MailService } from "../../src/ports/mailService";
import type { WorkflowContext } from "../../src/workflow/context";

/** The same context whose record writes first wait for `beforeWrite`. */
export function holdingWrites(ctx: WorkflowContext, beforeWrite: () => Promise<void>): WorkflowContext {
  const real = ctx.mail;
  const mail = new Proxy(real, {
    get(target, property) {
      if (property === "writeCaseProps") {
        return async (...args: Parameters<MailService["writeCaseProps"]>) => {
          await beforeWrite();
          return target.writeCaseProps(...args);
        };
      }
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
  return { ...ctx, mail };
}

/** Resolves for everyone once `parties` callers are waiting (later callers pass straight through). */
export function barrier(parties: number): () => Promise<void> {
  let waiting = 0;
  let release: () => void = () => undefined;
  const open = new Promise<void>((resolve) => (release = resolve));
  return () => {
    waiting += 1;
    if (waiting >= parties) release();
    return open;
  };
}

/** A gate the test opens by hand. */
export function gate(): { wait: () => Promise<void>; open: () => void } {
  let open: () => void = () => undefined;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { wait: () => opened, open };
}

/**
 * The same context, whose step write — the record write that clears the claim the step was done under — is lost
 * on the wire: right before it, the tenant is told to answer 503 to every attempt (the adapter's retries
 * included), as when the pane closes or the connection drops between the send and the record. The claim's own
 * writes go through, so the step really runs.
 */
export function losingStepWrite(
  ctx: WorkflowContext,
  faults: {
    add(rule: { method: string; url: string; effect: { kind: "unavailable" }; times: number }): unknown;
  },
): WorkflowContext {
  let claimed = false;
  const real = ctx.mail;
  const mail = new Proxy(real, {
    get(target, property) {
      if (property === "writeCaseProps") {
        return async (...args: Parameters<MailService["writeCaseProps"]>) => {
          const [, id, props] = args;
          const json = props.record ?? props.itRecord ?? props.answer;
          const hasClaim = json ? (JSON.parse(json) as { claim?: unknown }).claim !== undefined : false;
          if (claimed && !hasClaim) {
            faults.add({
              method: "PATCH",
              url: `/messages/${id}`,
              effect: { kind: "unavailable" },
              times: 4,
            });
          }
          claimed = hasClaim;
          return target.writeCaseProps(...args);
        };
      }
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
  return { ...ctx, mail };
}
