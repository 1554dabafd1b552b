// Issue 13: IT's send dialog, which states the total recipients once the groups' member counts are known, weighs
// the mail (size of one copy × recipients, in GB) and says when the send is heavy, with the fix; it never blocks
// the confirmation. Request 12 has 375 000 bytes of attachments, but its mass mail carries 370 000 (the PDF and
// the banner; the 5 000-byte signature logo is not part of the message): to 20 000 people that is 7.4 GB.
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { Lang } from "../../src/domain/types";
import type { WeightItem } from "../../src/domain/policy";
import { I18nProvider } from "../../src/taskpane/I18nContext";
import { SendConfirmDialog } from "../../src/taskpane/views/it/SendConfirmDialog";
import { forwardToIt } from "../../src/workflow/actions/forwardToIt";
import type { SendWhen } from "../../src/workflow/it/itActions";
import { newCase } from "../support/cases";
import { openForward, prepareForCase } from "../support/procedure";
import { COMMUNICATIONS, setupWorld } from "../support/world";
import { renderItForward } from "../support/itPane";

const world = setupWorld();

/** What one copy of request 12's mass mail carries, as IT's pane works it out when it opens the forward. */
async function request12Weight(): Promise<WeightItem[]> {
  const w = world();
  const created = await newCase(w, "12-table-inline-images.json");
  await forwardToIt(w.comms.ctx, COMMUNICATIONS, created.messageId);
  const opened = await openForward(w, created.case.id);
  return opened.content.weight;
}

async function openDialog(
  lang: Lang,
  weight: readonly WeightItem[],
  total: number,
  onConfirm: (w: SendWhen) => void,
) {
  const user = userEvent.setup();
  render(
    <I18nProvider lang={lang} timeZone="America/Bogota">
      <SendConfirmDialog
        subject="Convocatoria interna de investigación 2027"
        groups={["docentes@universidad.example"]}
        total={total}
        disabled={false}
        weight={weight}
        onConfirm={onConfirm}
      />
    </I18nProvider>,
  );
  await user.click(screen.getByRole("button", { name: lang === "es" ? "Enviar ahora" : "Send now" }));
  // Fluent's dialog surface counts as hidden to jsdom's accessibility tree (its open motion never runs here).
  const dialog = await screen.findByRole("alertdialog", { hidden: true }, { timeout: 5_000 });
  return { user, dialog };
}

it("request 12's mass mail carries 370 000 bytes per copy (PDF and banner; the signature logo is not sent)", async () => {
  const weight = await request12Weight();
  expect(weight.reduce((sum, i) => sum + i.bytes, 0)).toBe(370_000);
  expect(weight.map((i) => [i.name, i.bytes, i.kind])).toEqual([
    ["terminos-convocatoria-2027.pdf", 250_000, "attachment"],
    ["banner.png", 120_000, "inlineImage"],
  ]);
});

it.each([
  [
    "es",
    "Peso del envío",
    /^Envío pesado: 0,4 MB por 20\.000 destinatarios son unos 7,4 GB \(aviso desde 5 GB\); lo más pesado: terminos-convocatoria-2027\.pdf\. Publique el archivo en el sitio web/,
    "Sí, enviar",
  ],
  [
    "en",
    "Weight of the send",
    /^Heavy send: 0\.4 MB to 20,000 recipients is about 7\.4 GB \(warning from 5 GB\); the heaviest item: terminos-convocatoria-2027\.pdf\. Publish the file on the institution's website/,
    "Yes, send",
  ],
] as const)(
  "%s: to 20 000 recipients the dialog warns of a 7.4 GB send with its fix, and still sends",
  async (lang, listName, text, confirmName) => {
    const weight = await request12Weight();
    const sent: SendWhen[] = [];
    const { user, dialog } = await openDialog(lang, weight, 20_000, (when) => sent.push(when));

    const list = within(dialog).getByRole("list", { name: listName, hidden: true });
    const items = within(list).getAllByRole("listitem", { hidden: true });
    expect(items).toHaveLength(1);
    expect(items[0]?.textContent).toMatch(text);
    await user.click(within(dialog).getByRole("button", { name: confirmName, hidden: true }));
    expect(sent).toEqual([{ mode: "now" }]);
  },
);

it("es: to 2 000 recipients the same mail (0.74 GB) gets no weight warning", async () => {
  const weight = await request12Weight();
  const { dialog } = await openDialog("es", weight, 2_000, () => undefined);
  expect(within(dialog).queryByRole("list", { name: "Peso del envío", hidden: true })).toBeNull();
});

it("es, IT's pane: with the groups' counts at 20 000 the send dialog of request 12 warns of the heavy send", async () => {
  const user = userEvent.setup();
  const w = world();
  const { messageId, case: created } = await newCase(w, "12-table-inline-images.json");
  // The directory's figure for the audience's group (the real list is thousands; the count is what Graph gives).
  for (const key of created.fields.audiences) {
    const address = w.config.audiences.find((a) => a.key === key)?.group;
    const group = address ? w.tenant.group(address) : undefined;
    if (!group) throw new Error(`No group for audience ${key}`);
    group.memberCount = 20_000;
  }
  await forwardToIt(w.comms.ctx, COMMUNICATIONS, messageId);
  w.afterSentItemsDelay();
  await prepareForCase(w, await openForward(w, created.id));
  renderItForward(w, created.id);

  await user.click(
    await screen.findByRole("button", { name: /^(Programar envío…|Enviar ahora)$/ }, { timeout: 10_000 }),
  );
  const dialog = await screen.findByRole("alertdialog", { hidden: true }, { timeout: 5_000 });
  const list = within(dialog).getByRole("list", { name: "Peso del envío", hidden: true });
  expect(within(list).getAllByRole("listitem", { hidden: true })[0]?.textContent).toMatch(
    /^Envío pesado: 0,4 MB por [\d.]+ destinatarios son unos [\d,]+ GB \(aviso desde 5 GB\); lo más pesado: terminos-convocatoria-2027\.pdf\. Publique el archivo/,
  );
  expect(
    within(dialog)
      .getByRole("button", { name: /^Sí, (enviar|programar)$/, hidden: true })
      .hasAttribute("disabled"),
  ).toBe(false);
});
