// Gives up on an attempt that gets no response headers in time (a hung connection would freeze the pane).
import type { Context } from "@microsoft/microsoft-graph-client";
import { ChainLink } from "./context";
import { RequestTimeoutError } from "./pipelineError";

export class TimeoutHandler extends ChainLink {
  constructor(private readonly timeoutMs: number) {
    super();
  }

  async execute(context: Context): Promise<void> {
    const controller = new AbortController();
    const options = (context.options ??= {});
    options.signal = controller.signal;
    const timer = setTimeout(() => controller.abort(), this.timeoutMs);
    try {
      await this.next.execute(context);
    } catch (e) {
      throw controller.signal.aborted ? new RequestTimeoutError(this.timeoutMs) : e;
    } finally {
      clearTimeout(timer);
    }
  }
}
