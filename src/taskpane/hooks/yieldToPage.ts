// A pause that lets the page run its waiting tasks (input, rendering) before a long piece of work goes on
// (WorkflowContext.pause). A message posted to a channel runs as a new task without the minimum delay browsers put
// on nested timers; scheduler.yield, where the browser has it, also keeps the work ahead of other queued tasks.
interface YieldingScheduler {
  yield(): Promise<void>;
}

export function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: Partial<YieldingScheduler> }).scheduler;
  if (typeof scheduler?.yield === "function") return scheduler.yield();
  if (typeof MessageChannel === "function") {
    return new Promise((resume) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        resume();
      };
      channel.port2.postMessage(undefined);
    });
  }
  return new Promise((resume) => setTimeout(resume, 0));
}
