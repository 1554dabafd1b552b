// The requested date is typed and shown in the pane's language — day first in Spanish, month first in English —
// not in the browser's locale as a native date input does ("mm/dd/yyyy" beside "4/12/2026").
import { FluentProvider, Field, webLightTheme } from "@fluentui/react-components";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { parseTypedDate, typedDate } from "../../src/domain/dates";
import type { Lang } from "../../src/domain/types";
import { I18nProvider } from "../../src/taskpane/I18nContext";
import { TypedDateInput } from "../../src/taskpane/components/TypedDateInput";

function Harness({ lang, initial, seen }: { lang: Lang; initial: string; seen: string[] }) {
  const [value, setValue] = useState(initial);
  return (
    <FluentProvider theme={webLightTheme}>
      <I18nProvider lang={lang} timeZone="Europe/Madrid">
        <Field label={lang === "es" ? "Fecha de envío solicitada" : "Requested send date"}>
          <TypedDateInput
            value={value}
            onChange={(v) => {
              seen.push(v);
              setValue(v);
            }}
          />
        </Field>
      </I18nProvider>
    </FluentProvider>
  );
}

describe("typed dates", () => {
  it("reads and writes the order of each language", () => {
    expect(typedDate("2026-12-04", "es")).toBe("04/12/2026");
    expect(typedDate("2026-12-04", "en")).toBe("12/04/2026");
    expect(parseTypedDate("4/12/2026", "es")).toBe("2026-12-04");
    expect(parseTypedDate("12/4/2026", "en")).toBe("2026-12-04");
    expect(parseTypedDate("04-12-2026", "es")).toBe("2026-12-04");
    expect(parseTypedDate("2026-12-04", "en")).toBe("2026-12-04");
    expect(parseTypedDate("31/02/2026", "es")).toBeUndefined();
    expect(parseTypedDate("13/12/2026", "en")).toBeUndefined();
    expect(parseTypedDate("4/12/26", "es")).toBeUndefined();
  });

  it("shows a Spanish date day first, in a labelled text field, and takes a typed one", async () => {
    const seen: string[] = [];
    render(<Harness lang="es" initial="2026-12-04" seen={seen} />);
    const input = screen.getByRole("textbox", { name: "Fecha de envío solicitada" });
    expect(input).toHaveProperty("type", "text");
    expect(input).toHaveProperty("value", "04/12/2026");
    expect(input.getAttribute("placeholder")).toBe("dd/mm/aaaa");
    // The date in words is announced with the field.
    const hint = document.getElementById(input.getAttribute("aria-describedby")?.split(" ").pop() ?? "");
    expect(hint?.textContent).toBe("viernes, 4 de diciembre de 2026");

    await userEvent.clear(input);
    await userEvent.type(input, "05/01/2027");
    expect(seen.at(-1)).toBe("2027-01-05");
    expect(input).toHaveProperty("value", "05/01/2027");
  });

  it("shows an English date month first, and says when the text is not a date", async () => {
    const seen: string[] = [];
    render(<Harness lang="en" initial="2026-12-04" seen={seen} />);
    const input = screen.getByRole("textbox", { name: "Requested send date" });
    expect(input).toHaveProperty("value", "12/04/2026");
    await userEvent.clear(input);
    expect(seen.at(-1)).toBe("");
    await userEvent.type(input, "13/04/2026");
    expect(input.getAttribute("aria-invalid")).toBe("true");
    expect(screen.getByRole("alert").textContent).toContain("mm/dd/yyyy");
    expect(seen.at(-1)).toBe("");
  });
});
