// The Office dialog opener against a hand-made Office.context.ui: what it resolves with, and how each Office
// dialog error reaches the token ladder.
import { DialogAuthFailure, serializeDialogMessage } from "../../src/ports/dialogAuth";
import { toAuthAppError } from "../../src/auth/authErrors";
import { AppError } from "../../src/domain/errors";
import { dialogStartAddress, openDialogAuth } from "../../src/office/dialogAuth";

type Handler = (args: { message: string; origin: string | undefined } | { error: number }) => void;

interface FakeDialog {
  /** What displayDialogAsync was called with. */
  opened: { address: string; options: Office.DialogOptions }[];
  closed: number;
  /** Sends a message from the dialog page (as messageParent would), from the taskpane's origin by default. */
  post(message: string, origin?: string): void;
  /** The same, as clients without DialogOrigin 1.1 deliver it: no origin at all. */
  postWithoutOrigin(message: string): void;
  /** Raises a DialogEventReceived error (12006 when the user closes the window, …). */
  event(code: number): void;
}

const TOKEN_MESSAGE = serializeDialogMessage({
  type: "pregon-auth",
  ok: true,
  accessToken: "eyJ0.token",
  expiresOn: "2099-01-01T00:00:00.000Z",
});

function installDialog(openError?: number): FakeDialog {
  const handlers = new Map<string, Handler>();
  const fake: FakeDialog = {
    opened: [],
    closed: 0,
    post: (message, origin = window.location.origin) =>
      handlers.get("dialogMessageReceived")?.({ message, origin }),
    postWithoutOrigin: (message) => handlers.get("dialogMessageReceived")?.({ message, origin: undefined }),
    event: (error) => handlers.get("dialogEventReceived")?.({ error }),
  };
  const dialog = {
    addEventHandler: (type: string, handler: Handler) => handlers.set(type, handler),
    close: () => {
      fake.closed += 1;
    },
  };
  (globalThis as { Office?: unknown }).Office = {
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    EventType: { DialogMessageReceived: "dialogMessageReceived", DialogEventReceived: "dialogEventReceived" },
    context: {
      ui: {
        displayDialogAsync(
          address: string,
          options: Office.DialogOptions,
          callback: (result: unknown) => void,
        ) {
          fake.opened.push({ address, options });
          setTimeout(() =>
            callback(
              openError === undefined
                ? { status: "succeeded", value: dialog }
                : { status: "failed", error: { code: openError, name: "Dialog", message: "" } },
            ),
          );
        },
      },
    },
  };
  return fake;
}

/** Lets the fake's setTimeout callback run so that the handlers are registered. */
const opened = () => new Promise((resolve) => setTimeout(resolve, 0));

afterEach(() => {
  delete (globalThis as { Office?: unknown }).Office;
});

describe("openDialogAuth", () => {
  it("opens the page beside the taskpane as a pop-up and resolves with the message it posts", async () => {
    const fake = installDialog();
    const result = openDialogAuth("dialog.html?claims=%7B%7D");
    await opened();
    fake.post(TOKEN_MESSAGE);
    await expect(result).resolves.toBe(TOKEN_MESSAGE);
    expect(fake.opened).toHaveLength(1);
    expect(fake.opened[0]?.address).toBe(new URL("dialog.html?claims=%7B%7D", window.location.href).href);
    expect(fake.opened[0]?.options).toMatchObject({ displayInIframe: false });
    expect(fake.closed).toBe(1);
  });

  it("passes a sign-in failure the page reports on to the ladder as text", async () => {
    const fake = installDialog();
    const result = openDialogAuth("dialog.html");
    await opened();
    const refusal = serializeDialogMessage({ type: "pregon-auth", ok: false, errorCode: "consent_required" });
    fake.post(refusal);
    await expect(result).resolves.toBe(refusal);
    expect(fake.closed).toBe(1);
  });

  it("rejects with dialog_closed when the user closes the window (12006)", async () => {
    const fake = installDialog();
    const result = openDialogAuth("dialog.html");
    await opened();
    fake.event(12006);
    const error = await result.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DialogAuthFailure);
    expect(error).toMatchObject({ errorCode: "dialog_closed" });
    // …which the ladder shows as "sign in again", without opening another window.
    expect(toAuthAppError(error)).toMatchObject({ code: "unauthenticated", nextStep: "signIn" });
  });

  it("rejects with a sign-in AppError when the user declines the window (12009)", async () => {
    installDialog(12009);
    const error = await openDialogAuth("dialog.html").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({
      code: "unauthenticated",
      nextStep: "signIn",
      details: { officeCode: 12009 },
    });
  });

  it("asks to retry when another dialog is already open (12007)", async () => {
    installDialog(12007);
    await expect(openDialogAuth("dialog.html")).rejects.toMatchObject({
      code: "officeFailed",
      nextStep: "retry",
      details: { officeCode: 12007 },
    });
  });

  it("reports a missing sign-in page (12002) as a deployment problem for the administrator", async () => {
    const fake = installDialog();
    const result = openDialogAuth("missing.html");
    await opened();
    fake.event(12002);
    await expect(result).rejects.toMatchObject({
      code: "config",
      nextStep: "contactAdmin",
      details: { officeCode: 12002 },
    });
    expect(fake.closed).toBe(1);
  });

  it("rejects a malformed message with dialog_failed and closes the window", async () => {
    const fake = installDialog();
    const result = openDialogAuth("dialog.html");
    await opened();
    fake.post("not json at all");
    await expect(result).rejects.toMatchObject({ name: "DialogAuthFailure", errorCode: "dialog_failed" });
    expect(fake.closed).toBe(1);
    // A second message after the answer changes nothing.
    fake.post(TOKEN_MESSAGE);
    expect(fake.closed).toBe(1);
  });

  it("does not take a token from a page of another origin", async () => {
    const fake = installDialog();
    const result = openDialogAuth("dialog.html");
    await opened();
    fake.post(TOKEN_MESSAGE, "https://elsewhere.example");
    await expect(result).rejects.toMatchObject({ errorCode: "dialog_failed" });
  });

  it("accepts a message without origin (clients before DialogOrigin 1.1)", async () => {
    const fake = installDialog();
    const result = openDialogAuth("dialog.html");
    await opened();
    fake.postWithoutOrigin(TOKEN_MESSAGE);
    await expect(result).resolves.toBe(TOKEN_MESSAGE);
  });

  it("rejects with officeUnsupported outside Office", async () => {
    await expect(openDialogAuth("dialog.html")).rejects.toMatchObject({ code: "officeUnsupported" });
  });
});

describe("dialogStartAddress", () => {
  it("resolves relative pages against the taskpane and keeps absolute ones", () => {
    const pane = "https://addins.example.edu/pregon/taskpane.html";
    expect(dialogStartAddress("dialog.html", pane)).toBe("https://addins.example.edu/pregon/dialog.html");
    expect(dialogStartAddress("/auth/dialog.html", pane)).toBe("https://addins.example.edu/auth/dialog.html");
    expect(dialogStartAddress("https://other.example.edu/d.html", pane)).toBe(
      "https://other.example.edu/d.html",
    );
  });
});
