// The production services fetch the Graph side (adapter, token provider, DOMPurify) as a chunk on the first call
// (src/app/lazyPort.ts, officeServices.ts): every call still reaches the implementation with its arguments, the
// chunk is fetched once, a failed fetch is a "network" error that the next call retries, and the synchronous
// members refuse to run before the chunk is there instead of answering wrongly.
import { lazy, lazyPort } from "../../src/app/lazyPort";
import type { PortShape } from "../../src/app/lazyPort";
import { servicesOver } from "../../src/app/officeServices";
import type { GraphServices } from "../../src/app/graphServices";
import { parseConfig } from "../../src/config/load";
import { isAppError } from "../../src/domain/errors";
import type { MailHost } from "../../src/ports/mailHost";
import type { MailService } from "../../src/ports/mailService";
import { WaitNotifier } from "../../src/ports/serverWaits";
import type { TenantProbe } from "../../src/ports/tenantProbe";
import template from "../../src/config/pregon.config.json";

interface Port {
  add(a: number, b: number): Promise<number>;
  size(): number;
}
const SHAPE: PortShape<Port> = { add: "async", size: "sync" };

function impl(): Port {
  return { add: async (a, b) => a + b, size: () => 7 };
}

describe("lazy", () => {
  it("loads once for concurrent and later calls", async () => {
    const load = jest.fn(async () => impl());
    const source = lazy(load);
    expect(source.current()).toBeUndefined();
    const [a, b] = await Promise.all([source.load(), source.load()]);
    expect(a).toBe(b);
    await source.load();
    expect(load).toHaveBeenCalledTimes(1);
    expect(source.current()).toBe(a);
  });

  it("turns a failed chunk fetch into a network AppError and tries again on the next call", async () => {
    const load = jest
      .fn<Promise<Port>, []>()
      .mockRejectedValueOnce(new Error("Loading chunk 7 failed"))
      .mockResolvedValueOnce(impl());
    const source = lazy(load);
    const error: unknown = await source.load().catch((e: unknown) => e);
    expect(isAppError(error) && error.code).toBe("network");
    expect(source.current()).toBeUndefined();
    await expect(source.load()).resolves.toBeDefined();
    expect(load).toHaveBeenCalledTimes(2);
  });
});

describe("lazyPort", () => {
  it("forwards async members with their arguments, fetching the implementation on the first call", async () => {
    const load = jest.fn(async () => impl());
    const port = lazyPort(lazy(load), SHAPE);
    expect(load).not.toHaveBeenCalled();
    await expect(port.add(2, 3)).resolves.toBe(5);
    await expect(port.add(4, 4)).resolves.toBe(8);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it("refuses a sync member before the chunk arrived, and answers it after", async () => {
    const port = lazyPort(
      lazy(async () => impl()),
      SHAPE,
    );
    expect(() => port.size()).toThrow(/before its code was loaded/);
    await port.add(0, 0);
    expect(port.size()).toBe(7);
  });
});

describe("servicesOver (the production services)", () => {
  const config = (() => {
    const r = parseConfig(template);
    if (!r.ok) throw new Error("the template must validate");
    return r.config;
  })();
  const host = { userAddress: "ana@universidad.example" } as MailHost;

  function graphFake() {
    const mail = { getMessage: jest.fn(async () => ({ id: "m1" })) } as unknown as MailService;
    const probe = { signIn: jest.fn(async () => undefined) } as unknown as TenantProbe;
    const sanitizeHtml = jest.fn((html: string) => `clean:${html}`);
    return { mail, probe, sanitizeHtml } satisfies GraphServices;
  }

  it("fetches the Graph side once for the mail service and the probe, and sanitizes with it", async () => {
    const graph = graphFake();
    const load = jest.fn(async () => graph);
    const services = servicesOver(config, host, new WaitNotifier(), lazy(load));
    expect(load).not.toHaveBeenCalled();
    expect(() => services.sanitizeHtml("<p>x</p>")).toThrow(/before its code was loaded/);

    await expect(services.mail.getMessage("me", "m1")).resolves.toEqual({ id: "m1" });
    expect(graph.mail.getMessage).toHaveBeenCalledWith("me", "m1");
    await services.probe?.signIn();
    expect(graph.probe.signIn).toHaveBeenCalledTimes(1);
    expect(load).toHaveBeenCalledTimes(1);
    expect(services.sanitizeHtml("<p>x</p>")).toBe("clean:<p>x</p>");
  });

  it("passes a failed fetch of the Graph side to the caller as a network error, and retries it", async () => {
    const load = jest
      .fn<Promise<GraphServices>, []>()
      .mockRejectedValueOnce(new TypeError("Failed to fetch dynamically imported module"))
      .mockResolvedValueOnce(graphFake());
    const services = servicesOver(config, host, new WaitNotifier(), lazy(load));
    await expect(services.mail.getMessage("me", "m1")).rejects.toMatchObject({ code: "network" });
    await expect(services.mail.getMessage("me", "m1")).resolves.toEqual({ id: "m1" });
  });
});
