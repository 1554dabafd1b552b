// Senders Exchange refused before (403 ErrorSendAsDenied), remembered in IT's records so that the pane can say so
// before the next send as one of them (issue 12, point 6).
import { AppError } from "../../src/domain/errors";
import type { ItRecord } from "../../src/domain/itRecord";
import { forwardToIt } from "../../src/workflow/actions/forwardToIt";
import { sendMassMail } from "../../src/workflow/it/itActions";
import { refusalOf, refusedSenders, standingRefusals } from "../../src/workflow/it/refusedSenders";
import { newCase } from "../support/cases";
import { openForward, prepareForCase } from "../support/procedure";
import { COMMUNICATIONS, DOMAIN, IT, OPERATOR, setupWorld } from "../support/world";

const SG = `secretaria.general@${DOMAIN}`;

function record(caseId: string, extra: Partial<ItRecord>): ItRecord {
  return { v: 1, caseId, state: "prepared", groups: [], ...extra };
}

describe("standingRefusals", () => {
  it("keeps the newest refusal per address, compared case-insensitively", () => {
    const refusals = standingRefusals([
      record("CM-2612-AAAA", { sendAsRefused: { address: SG, at: "2026-12-01T10:00:00Z", by: OPERATOR } }),
      record("CM-2612-BBBB", {
        sendAsRefused: { address: SG.toUpperCase(), name: "SG", at: "2026-12-02T10:00:00Z", by: OPERATOR },
      }),
    ]);
    expect(refusals).toEqual([
      {
        address: SG.toUpperCase(),
        name: "SG",
        at: "2026-12-02T10:00:00Z",
        by: OPERATOR,
        caseId: "CM-2612-BBBB",
      },
    ]);
    expect(refusalOf(refusals, `  ${SG} `.trim())?.caseId).toBe("CM-2612-BBBB");
    expect(refusalOf(refusals, `rectoria@${DOMAIN}`)).toBeUndefined();
  });

  it("forgets a refusal once a later mass mail went out as that sender (the permission was granted since)", () => {
    const refused = record("CM-2612-AAAA", {
      sendAsRefused: { address: SG, at: "2026-12-01T10:00:00Z", by: OPERATOR },
    });
    const sentAs = (at: string) =>
      record("CM-2612-CCCC", { state: "sent", sender: { address: SG }, sent: { at, by: OPERATOR } });
    expect(standingRefusals([refused, sentAs("2026-12-01T11:00:00Z")])).toEqual([]);
    // A send before the refusal proves nothing about it.
    expect(standingRefusals([refused, sentAs("2026-11-30T11:00:00Z")])).toHaveLength(1);
  });
});

const world = setupWorld();

it("a refused send is found again from IT's mailbox, by one filtered listing", async () => {
  // The demo tenant gives IT no Send As on Secretaría General.
  const w = world();
  const { case: created } = await newCase(w, "07-forwarded-chain.json", {
    desiredSender: `Secretaría General <${SG}>`,
  });
  await forwardToIt(w.comms.ctx, COMMUNICATIONS, created.requestMessageId ?? "");
  const opened = await openForward(w, created.id);
  await prepareForCase(w, opened);
  expect(await refusedSenders(w.it.ctx, IT)).toEqual([]);

  const refusal = await sendMassMail(w.it.ctx, opened).catch((e: unknown) => e);
  expect(refusal).toBeInstanceOf(AppError);
  expect(refusal).toMatchObject({ code: "sendAsDenied" });

  const before = w.tenant.log.entries().length;
  const found = await refusedSenders(w.it.ctx, IT);
  expect(found).toEqual([
    {
      address: SG,
      name: "Secretaría General",
      at: w.clock.now().toISOString(),
      by: OPERATOR,
      caseId: created.id,
    },
  ]);
  expect(w.tenant.log.entries().length - before).toBe(1);
});
