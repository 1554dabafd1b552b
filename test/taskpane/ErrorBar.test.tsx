// The error bar fills a message's placeholders from the error's details: the large-attachment refusal in a
// shared mailbox names the file and says what to do instead, in both languages.
import { render, screen } from "@testing-library/react";
import { AppError } from "../../src/domain/errors";
import type { Lang } from "../../src/domain/types";
import { ErrorBar } from "../../src/taskpane/components/ErrorBar";
import { I18nProvider } from "../../src/taskpane/I18nContext";

function renderIn(lang: Lang, error: AppError) {
  render(
    <I18nProvider lang={lang} timeZone="America/Bogota">
      <ErrorBar error={error} onRetry={() => undefined} />
    </I18nProvider>,
  );
}

const tooLarge = new AppError("attachmentTooLargeForSharedMailbox", "too large", {
  details: { name: "reglamento.pdf" },
});

it.each([
  ["es", /«reglamento\.pdf» pesa más de 3 MB.*desde Outlook adjuntando el archivo/],
  ["en", /“reglamento\.pdf” is larger than 3 MB.*in Outlook, attaching the file there/],
] as const)("names the file and the way out (%s), with no retry button", (lang, text) => {
  renderIn(lang, tooLarge);
  expect(screen.getByRole("alert").textContent).toMatch(text);
  expect(screen.queryByRole("button", { name: /reintentar|retry/i })).toBeNull();
});

describe("someone else's claim on the step", () => {
  const claim = (stale: 0 | 1) =>
    new AppError("claimedByOther", "claimed", {
      details: {
        by: "luis.perez@universidad.example",
        step: "forward",
        since: "2026-12-04T14:05:00Z",
        stale,
      },
    });

  it.each([
    ["es", /luis\.perez@universidad\.example está reenviando la solicitud a TIC en este caso desde .*9:05/],
    [
      "en",
      /luis\.perez@universidad\.example has been forwarding the request to IT on this case since .*9:05/,
    ],
  ] as const)("names the person, the step and the local time (%s), and offers no takeover", (lang, text) => {
    render(
      <I18nProvider lang={lang} timeZone="America/Bogota">
        <ErrorBar error={claim(0)} onTakeOver={() => undefined} />
      </I18nProvider>,
    );
    expect(screen.getByRole("alert").textContent).toMatch(text);
    expect(screen.queryByRole("button", { name: /relevo|take over/i })).toBeNull();
  });

  it("offers to take over a stale claim", () => {
    const takeOver = jest.fn();
    render(
      <I18nProvider lang="es" timeZone="America/Bogota">
        <ErrorBar error={claim(1)} onTakeOver={takeOver} />
      </I18nProvider>,
    );
    expect(screen.getByRole("alert").textContent).toMatch(/no terminó.*Puede tomar el relevo/);
    screen.getByRole("button", { name: "Tomar el relevo" }).click();
    expect(takeOver).toHaveBeenCalledTimes(1);
  });
});
