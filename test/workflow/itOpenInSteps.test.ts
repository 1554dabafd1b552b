// IT's opening of a forward, and the forward's own reading of the request, extract the message in steps with the
// page running between them (WorkflowContext.pause), as Communications' opening does: the same result as in one
// go, with pauses between the steps.
import { forwardToIt } from "../../src/workflow/actions/forwardToIt";
import { openItItem } from "../../src/workflow/it/openItCase";
import { newCase } from "../support/cases";
import { forwardInItInbox } from "../support/procedure";
import { COMMUNICATIONS, setupWorld } from "../support/world";

const world = setupWorld();

it("IT's opening pauses between the extraction's steps and shows the same case, message and content as in one go", async () => {
  const w = world();
  const created = await newCase(w, "01-structured-es.json");
  let forwardPauses = 0;
  await forwardToIt(
    {
      ...w.comms.ctx,
      pause: async () => {
        forwardPauses++;
      },
    },
    COMMUNICATIONS,
    created.messageId,
  );
  expect(forwardPauses).toBeGreaterThan(0);

  const forward = forwardInItInbox(w, created.case.id);
  const inOneGo = await openItItem(w.it.ctx, w.it.select(forward.id, forward.subject));
  let pauses = 0;
  const inSteps = await openItItem(
    {
      ...w.it.ctx,
      pause: async () => {
        pauses++;
      },
    },
    w.it.select(forward.id, forward.subject),
  );
  expect(pauses).toBeGreaterThan(1);
  if (inOneGo.kind !== "itCase" || inSteps.kind !== "itCase") throw new Error("expected IT's case twice");
  expect(inSteps.summary.id).toBe(created.case.id);
  expect(inSteps.messageHtml).toBe(inOneGo.messageHtml);
  expect(inSteps.messageHtml).toContain("movilidad");
  expect(inSteps.content).toEqual(inOneGo.content);
});
