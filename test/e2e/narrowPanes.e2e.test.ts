// Issue 12 in the demo's browser: at 320 and 450 px no view of either pane scrolls sideways — the request form,
// Communications' dashboard, IT's review with two groups ticked (the overlap note) and IT's open cases — and a
// dashboard row opens its message (the demo's list selects it and the pane shows it).
import type { Locator } from "playwright-core";
import {
  ON_TIME_CASE,
  caseCard,
  messageRow,
  requestForm,
  selectMessage,
  sendTrigger,
  showView,
  stateBadge,
  t,
  demoPerTest,
} from "./helpers";

const demos = demoPerTest();

/** The pane's content width against its box: more means a horizontal scroll bar. */
async function widths(pane: Locator): Promise<{ scroll: number; client: number }> {
  return pane.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
}

async function expectFits(pane: Locator, what: string): Promise<void> {
  const { scroll, client } = await widths(pane);
  if (scroll > client) throw new Error(`${what}: ${scroll} px of content in a ${client} px pane`);
  expect(scroll).toBeLessThanOrEqual(client);
}

test.each([320, 450] as const)(
  "at %i px every view fits the pane without a horizontal scroll",
  async (width) => {
    const d = await demos.open({ pane: width });

    await showView(d, "request");
    await expectFits(d.commsPane, "request form");

    await showView(d, "dashboard");
    await expectFits(d.commsPane, "dashboard");

    // IT's review of the seed's forwarded case: fixture groups ticked are Estudiantes and Docentes (overlap note).
    await selectMessage(d, "it", ON_TIME_CASE.id);
    await d.itPane
      .getByRole("heading", { level: 2, name: t(d.lang, "it.title", { id: ON_TIME_CASE.id }) })
      .waitFor();
    const groups = d.itPane.getByRole("group", { name: t(d.lang, "it.audiences") });
    for (const box of await groups.getByRole("checkbox").all())
      if (!(await box.isChecked())) await box.check();
    await d.itPane.getByText(t(d.lang, "it.overlap")).waitFor();
    await expectFits(d.itPane, "IT case with every group ticked");
    await d.itPane.getByRole("button", { name: t(d.lang, "it.prepare") }).click();
    await sendTrigger(d.itPane, d.lang).waitFor();
    await expectFits(d.itPane, "IT review with every group ticked");

    await d.itPane.getByRole("button", { name: t(d.lang, "it.openCases"), exact: true }).click();
    await d.itPane.getByRole("list", { name: t(d.lang, "it.openCases") }).waitFor();
    await expectFits(d.itPane, "IT open cases");
  },
);

test("a dashboard row opens its message: the list selects it and the pane shows the case", async () => {
  const d = await demos.open();
  await showView(d, "dashboard");
  const row = d.commsPane
    .getByRole("region", { name: t(d.lang, "dashboard.listLabel"), exact: true })
    .getByRole("button")
    .filter({ hasText: ON_TIME_CASE.id });
  await row.focus();
  await d.page.keyboard.press("Enter");
  await stateBadge(caseCard(d, ON_TIME_CASE.id), t(d.lang, "state.forwarded")).waitFor();
  await expect(
    messageRow(d, "comms", ON_TIME_CASE.subject).getAttribute("aria-current"),
  ).resolves.toBeTruthy();
  expect(await requestForm(d).count()).toBe(0);
});
