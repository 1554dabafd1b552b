// The relay to the requester and IT's confirmation, as they reach their mailboxes, close with the office's
// signature from the configuration (the demo's file has one for each office), and what Exchange quotes below the
// relay speaks the mail's language, with the time in the institution's zone.
import { relayToRequester } from "../../src/workflow/actions/relayToRequester";
import { forwardToIt } from "../../src/workflow/actions/forwardToIt";
import { newCase, openCase } from "../support/cases";
import { itSendsAndConfirms, storedOfKind } from "../support/procedure";
import { COMMUNICATIONS, IT, setupWorld } from "../support/world";

const world = setupWorld();

it("the relay and IT's confirmation carry each office's configured signature, line by line", async () => {
  const w = world();
  const signature = w.config.signature;
  const lang = w.config.institution.defaultLanguage;
  const comms = signature?.communications?.[lang];
  const it = signature?.it?.[lang];
  if (!comms || !it) throw new Error("demo.config.json has no signature for both offices");

  const done = await newCase(w, "02-freeform-es.json");
  await forwardToIt(w.comms.ctx, COMMUNICATIONS, done.messageId);
  await itSendsAndConfirms(w, done.case.id);
  await openCase(w.comms, done.messageId);
  await relayToRequester(w.comms.ctx, COMMUNICATIONS, done.messageId);

  w.afterSentItemsDelay();
  const [relay] = storedOfKind(w, COMMUNICATIONS, "sentitems", done.case.id, "relay");
  const [confirmation] = storedOfKind(w, IT, "sentitems", done.case.id, "confirmation");
  const asHtml = (text: string) => text.split("\n").join("<br>");
  expect(relay?.body.content).toContain(asHtml(comms));
  expect(confirmation?.body.content).toContain(asHtml(it));
  expect(relay?.body.content).not.toContain(asHtml(it));

  // Exchange's English, UTC quote header, rewritten for a Spanish mail.
  expect(lang).toBe("es");
  const header = /id="divRplyFwdMsg"[^>]*>([\s\S]*?)<\/div>/.exec(relay?.body.content ?? "")?.[1] ?? "";
  expect(header).toContain("<b>De:</b>");
  expect(header).toContain("<b>Enviado:</b>");
  expect(header).toContain("<b>Asunto:</b>");
  expect(header).not.toMatch(/<b>(From|Sent|To|Subject):/);
  expect(relay?.body.content).not.toContain("GMT");
});
