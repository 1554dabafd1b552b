// Who the mass mail goes out as: a configured sender picked by its address (issue 12, point 3), never by a name.
import { forwardToIt } from "../../src/workflow/actions/forwardToIt";
import { chooseSender } from "../../src/workflow/it/senders";
import type { SenderRequest } from "../../src/workflow/it/senders";
import { newCase } from "../support/cases";
import { openForward, prepareForCase } from "../support/procedure";
import { COMMUNICATIONS, DOMAIN, IT, demoPregonConfig, setupWorld } from "../support/world";

const config = demoPregonConfig();
const request = (desiredSender: string, address: string, name?: string): SenderRequest => ({
  fields: { desiredSender },
  requester: name === undefined ? { address } : { name, address },
});

describe("chooseSender matches by address", () => {
  it("a request from a configured address asking for itself under another name (demo request 06) goes out as it", () => {
    const choice = chooseSender(
      config,
      request(
        "Office of International Relations",
        `relaciones.internacionales@${DOMAIN}`,
        "Office of International Relations",
      ),
    );
    expect(choice).toEqual({
      sender: {
        name: "Oficina de Relaciones Internacionales",
        address: `relaciones.internacionales@${DOMAIN}`,
      },
      fallback: false,
    });
  });

  it("the address is compared case-insensitively and trimmed (the address rule)", () => {
    const choice = chooseSender(config, request("Rectoría", `  Rectoria@Universidad.Example `, "Rectoría"));
    expect(choice.sender.address).toBe(`rectoria@${DOMAIN}`);
    expect(choice.fallback).toBe(false);
  });

  it("a unit whose name begins with a configured sender's name, from its own address, is not that sender", () => {
    const choice = chooseSender(
      config,
      request(
        "Secretaría General de la Facultad de Ingeniería",
        `secretaria.fing@${DOMAIN}`,
        "Secretaría General de la Facultad de Ingeniería",
      ),
    );
    expect(choice).toMatchObject({
      sender: config.institutionalSender,
      fallback: true,
      reason: "notConfigured",
    });
  });

  it("a configured name alone never picks a sender: asking for Rectoría from another address falls back", () => {
    for (const desired of ["Rectoría", "rectoria", "Secretaría General"]) {
      const choice = chooseSender(config, request(desired, `musica@${DOMAIN}`, "Programa de Música"));
      expect([desired, choice.fallback, choice.reason]).toEqual([desired, true, "noAddress"]);
    }
  });

  it("a configured requester asking for some other unit by name is not sent as the requester", () => {
    const choice = chooseSender(config, request("Rectoría", `decanatura.fiet@${DOMAIN}`, "Decanatura FIET"));
    expect(choice).toMatchObject({ fallback: true, reason: "noAddress" });
  });

  it("an address written in the desired sender picks that configured sender, whoever wrote", () => {
    const choice = chooseSender(
      config,
      request(`Rectoría <RECTORIA@${DOMAIN}>`, `asistente.rectoria@${DOMAIN}`, "Asistente de Rectoría"),
    );
    expect(choice).toEqual({
      sender: { name: "Rectoría", address: `rectoria@${DOMAIN}` },
      fallback: false,
    });
    expect(chooseSender(config, request(`rectoria@${DOMAIN}`, `x@${DOMAIN}`)).fallback).toBe(false);
  });

  it("a written address that is not configured, or two different ones, fall back", () => {
    expect(
      chooseSender(config, request(`Rectoría <rector@${DOMAIN}>`, `rectoria@${DOMAIN}`, "Rectoría")),
    ).toMatchObject({ fallback: true, reason: "notConfigured" });
    expect(
      chooseSender(
        config,
        request(`rectoria@${DOMAIN}, secretaria.general@${DOMAIN}`, `rectoria@${DOMAIN}`, "Rectoría"),
      ),
    ).toMatchObject({ fallback: true, reason: "notConfigured" });
  });

  it("a fuller name of the requesting unit from its configured address keeps it (request 01)", () => {
    const choice = chooseSender(
      config,
      request(
        "Decanatura Facultad de Ingeniería Electrónica y Telecomunicaciones",
        `decanatura.fiet@${DOMAIN}`,
        "Decanatura Facultad de Ingeniería Electrónica",
      ),
    );
    expect(choice).toMatchObject({ sender: { address: `decanatura.fiet@${DOMAIN}` }, fallback: false });
  });
});

const world = setupWorld();

describe("IT prepares demo request 06 as the configured sender it has Send As for", () => {
  it("the draft goes out from relaciones.internacionales@, not the institutional sender", async () => {
    const w = world();
    const { case: created } = await newCase(w, "06-english.json");
    await forwardToIt(w.comms.ctx, COMMUNICATIONS, created.requestMessageId ?? "");
    const opened = await openForward(w, created.id);
    expect(chooseSender(w.config, opened.summary).fallback).toBe(false);
    const prepared = await prepareForCase(w, opened);
    expect(prepared).toMatchObject({
      sender: { address: `relaciones.internacionales@${DOMAIN}` },
      senderFallback: false,
    });
    const draft = w.tenant.storedMessages(IT, "drafts").find((m) => m.id === prepared.draftId);
    expect(draft?.from?.emailAddress.address).toBe(`relaciones.internacionales@${DOMAIN}`);
  });
});

describe("demo request 07 (the Electoral Committee's request, forwarded by Secretaría General)", () => {
  it("asks for Secretaría General by name only: no address, so the institutional sender, and the reason why", async () => {
    const w = world();
    const { case: created } = await newCase(w, "07-forwarded-chain.json");
    await forwardToIt(w.comms.ctx, COMMUNICATIONS, created.requestMessageId ?? "");
    const opened = await openForward(w, created.id);
    expect(opened.summary.requester.address).toBe(`comite.electoral@${DOMAIN}`);
    expect(chooseSender(w.config, opened.summary)).toMatchObject({ fallback: true, reason: "noAddress" });
  });
});
