// Installs an office-addin-mock `Office` global shaped like Outlook's, with a recording mailbox.
// Seed data needs host "outlook", or every property reads "not loaded".
import { OfficeMockObject } from "office-addin-mock";

// office-addin-mock needs only the OfficeApp enum from office-addin-manifest, whose package index pulls in
// ESM-only dependencies jest cannot load; hand it the enum's own CommonJS file instead (jest hoists this).
jest.mock("office-addin-manifest", () => jest.requireActual("office-addin-manifest/lib/officeApp"));

export interface OfficeError {
  code: number;
  name: string;
  message: string;
}

export interface MockOptions {
  /** The selected item's fields; omit for "nothing selected". */
  item?: Record<string, unknown>;
  platform?: "PC" | "OfficeOnline" | "Mac" | "iOS" | "Android";
  /** Highest Mailbox requirement set the client supports. */
  mailboxVersion?: string;
  bodyBackgroundColor?: string;
  /** Makes addHandlerAsync / removeHandlerAsync / displayMessageFormAsync fail with this error. */
  fail?: Partial<Record<"addHandlerAsync" | "removeHandlerAsync" | "displayMessageFormAsync", OfficeError>>;
  getSelectedItemsAsync?: (callback: (result: unknown) => void) => void;
}

export interface OfficeHarness {
  /** Every mailbox call, in order, e.g. "addHandlerAsync olkItemSelectedChanged". */
  calls: string[];
  /** Office handlers registered per event type. */
  handlers: Map<string, () => void>;
  fire(eventType: string): void;
}

export const EVENT_TYPES = {
  ItemChanged: "olkItemSelectedChanged",
  OfficeThemeChanged: "officeThemeChanged",
};

function versionAtMost(version: string, max: string): boolean {
  const [a = 0, b = 0] = version.split(".").map(Number);
  const [c = 0, d = 0] = max.split(".").map(Number);
  return a < c || (a === c && b <= d);
}

function result(error: OfficeError | undefined, value?: unknown) {
  return error ? { status: "failed", error, value: undefined } : { status: "succeeded", value };
}

export function installOffice(options: MockOptions = {}): OfficeHarness {
  const calls: string[] = [];
  const handlers = new Map<string, () => void>();
  const fail = options.fail ?? {};
  const mailboxVersion = options.mailboxVersion ?? "1.14";
  const mailbox: Record<string, unknown> = {
    userProfile: { emailAddress: "ana.perez@uni.example.edu.co", displayName: "Ana Pérez" },
    convertToRestId(id: string, version: string) {
      calls.push(`convertToRestId ${version}`);
      return id.replace(/\+/g, "_").replace(/\//g, "-");
    },
    convertToEwsId(id: string, version: string) {
      calls.push(`convertToEwsId ${version}`);
      return id.replace(/_/g, "+").replace(/-/g, "/");
    },
    addHandlerAsync(eventType: string, handler: () => void, callback: (r: unknown) => void) {
      calls.push(`addHandlerAsync ${eventType}`);
      if (!fail.addHandlerAsync) handlers.set(eventType, handler);
      setTimeout(() => callback(result(fail.addHandlerAsync)), 0);
    },
    removeHandlerAsync(eventType: string, callback: (r: unknown) => void) {
      calls.push(`removeHandlerAsync ${eventType}`);
      if (!fail.removeHandlerAsync) handlers.delete(eventType);
      setTimeout(() => callback(result(fail.removeHandlerAsync)), 0);
    },
    displayMessageFormAsync(itemId: string, callback: (r: unknown) => void) {
      calls.push(`displayMessageFormAsync ${itemId}`);
      setTimeout(() => callback(result(fail.displayMessageFormAsync)), 0);
    },
    displayMessageForm(itemId: string) {
      calls.push(`displayMessageForm ${itemId}`);
    },
  };
  if (options.item) mailbox.item = options.item;
  if (options.getSelectedItemsAsync) mailbox.getSelectedItemsAsync = options.getSelectedItemsAsync;

  const data = {
    host: "outlook",
    context: {
      displayLanguage: "es-CO",
      officeTheme: {
        bodyBackgroundColor: options.bodyBackgroundColor ?? "#ffffff",
        bodyForegroundColor: "#000000",
        controlBackgroundColor: "#ffffff",
        controlForegroundColor: "#000000",
      },
      diagnostics: { platform: options.platform ?? "OfficeOnline", host: "Outlook", version: "16.0" },
      requirements: {
        isSetSupported: (name: string, version: string) =>
          name === "Mailbox" && versionAtMost(version, mailboxVersion),
      },
      mailbox,
    },
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    EventType: EVENT_TYPES,
    MailboxEnums: {
      ItemType: { Message: "message", Appointment: "appointment" },
      RestVersion: { v1_0: "v1.0", v2_0: "v2.0", Beta: "beta" },
    },
    PlatformType: {
      PC: "PC",
      OfficeOnline: "OfficeOnline",
      Mac: "Mac",
      iOS: "iOS",
      Android: "Android",
      Universal: "Universal",
    },
  };
  (globalThis as { Office?: unknown }).Office = new OfficeMockObject(data);
  return {
    calls,
    handlers,
    fire(eventType) {
      handlers.get(eventType)?.();
    },
  };
}

export function uninstallOffice(): void {
  delete (globalThis as { Office?: unknown }).Office;
}

/** A read-mode message as Office.js describes it. */
export function readMessage(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    itemType: "message",
    itemId: "AAMkADc3+MWUy/MGQ0AAA=",
    subject: "Solicitud de envío masivo: semana de la ciencia",
    from: { displayName: "Facultad de Ciencias", emailAddress: "ciencias@uni.example.edu.co" },
    conversationId: "AAQkADc3MWUyMGQ0",
    ...overrides,
  };
}
