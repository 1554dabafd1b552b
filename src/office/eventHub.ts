// Fans one Office mailbox event out to any number of listeners.
//
// Mailbox.removeHandlerAsync removes *every* handler of an event type, so listeners cannot each register
// their own. The hub registers one Office handler when the first listener arrives and removes it when the
// last one leaves. Registration is asynchronous; the steps run one after another on a queue and each checks
// what is wanted *now*, so a subscribe-then-unsubscribe before Office answers ends with nothing registered.
import type { AppError } from "../domain/errors";
import { officeAsync } from "./officeAsync";
import { office } from "./officeGlobal";

export type ErrorSink = (error: AppError) => void;

class EventChannel {
  private readonly listeners = new Set<() => void>();
  private registered = false;
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly eventType: Office.EventType,
    private readonly onError: ErrorSink,
  ) {}

  subscribe(listener: () => void): () => void {
    // Wrapped so that the same function can subscribe twice and unsubscribe each independently.
    const entry = () => listener();
    this.listeners.add(entry);
    this.reconcile();
    return () => {
      if (this.listeners.delete(entry)) this.reconcile();
    };
  }

  /** Resolves once Office has been told about the latest change (for tests and orderly shutdown). */
  settled(): Promise<void> {
    return this.queue;
  }

  private reconcile(): void {
    this.queue = this.queue.then(() => this.step());
  }

  private async step(): Promise<void> {
    const wanted = this.listeners.size > 0;
    if (wanted === this.registered) return;
    const mailbox = office().context.mailbox;
    try {
      if (wanted) {
        await officeAsync<void>("addHandlerAsync", (callback) =>
          mailbox.addHandlerAsync(this.eventType, () => this.dispatch(), callback),
        );
      } else {
        await officeAsync<void>("removeHandlerAsync", (callback) =>
          mailbox.removeHandlerAsync(this.eventType, callback),
        );
      }
      this.registered = wanted;
    } catch (e) {
      this.onError(e as AppError);
    }
  }

  private dispatch(): void {
    for (const listener of [...this.listeners]) {
      try {
        listener();
      } catch {
        // A listener's own failure must not stop the others, nor surface inside Office's callback.
      }
    }
  }
}

export class OfficeEventHub {
  private readonly channels = new Map<Office.EventType, EventChannel>();

  constructor(private readonly onError: ErrorSink) {}

  subscribe(eventType: Office.EventType, listener: () => void): () => void {
    let channel = this.channels.get(eventType);
    if (!channel) {
      channel = new EventChannel(eventType, this.onError);
      this.channels.set(eventType, channel);
    }
    return channel.subscribe(listener);
  }

  async settled(): Promise<void> {
    await Promise.all([...this.channels.values()].map((channel) => channel.settled()));
  }
}
