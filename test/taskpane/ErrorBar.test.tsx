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
