// The sign-in page's side of the dialog, and the requirement-set wrapper the token ladder is given.
import { postToParent, whenDialogReady } from "../../src/office/dialogPage";
import { isOfficeScriptLoaded, isSetSupported } from "../../src/office/requirementSets";

function installOffice(ui: Record<string, unknown>, supported: string[] = []): void {
  (globalThis as { Office?: unknown }).Office = {
    onReady: () => Promise.resolve({ host: "Outlook", platform: "OfficeOnline" }),
    context: {
      ui,
      requirements: {
        isSetSupported: (name: string, version: string) => supported.includes(`${name} ${version}`),
      },
    },
  };
}

afterEach(() => {
  delete (globalThis as { Office?: unknown }).Office;
});

describe("the dialog page", () => {
  it("posts its message to the taskpane once Office is ready", async () => {
    const messageParent = jest.fn();
    installOffice({ messageParent });
    await whenDialogReady();
    postToParent('{"type":"pregon-auth"}');
    expect(messageParent).toHaveBeenCalledWith('{"type":"pregon-auth"}');
  });

  it("says so when it was not opened by Office, or Office.js is missing", async () => {
    installOffice({});
    await expect(whenDialogReady()).rejects.toMatchObject({ code: "officeUnsupported" });
    delete (globalThis as { Office?: unknown }).Office;
    await expect(whenDialogReady()).rejects.toMatchObject({ code: "officeUnsupported" });
  });

  it("turns a messageParent failure into an AppError", () => {
    installOffice({
      messageParent: () => {
        throw new Error("host gone");
      },
    });
    expect(() => postToParent("x")).toThrow(expect.objectContaining({ code: "officeFailed" }));
  });
});

describe("isSetSupported", () => {
  it("asks Office, and says no when Office is absent or throws", () => {
    installOffice({}, ["NestedAppAuth 1.1"]);
    expect(isSetSupported("NestedAppAuth", "1.1")).toBe(true);
    expect(isSetSupported("NestedAppAuth", "1.2")).toBe(false);
    expect(isOfficeScriptLoaded()).toBe(true);
    (globalThis as unknown as { Office: { context: unknown } }).Office.context = {
      requirements: {
        isSetSupported: () => {
          throw new Error("not ready");
        },
      },
    };
    expect(isSetSupported("NestedAppAuth", "1.1")).toBe(false);
    delete (globalThis as { Office?: unknown }).Office;
    expect(isSetSupported("NestedAppAuth", "1.1")).toBe(false);
    expect(isOfficeScriptLoaded()).toBe(false);
  });
});
