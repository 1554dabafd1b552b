import { findDeceptiveLinks, findImageOnly, shownHostOf } from "../../../src/domain/policy/contentChecks";
import type { AttachmentInfo } from "../../../src/domain/types";

const flyer: AttachmentInfo = {
  id: "a1",
  name: "pieza.png",
  contentType: "image/png",
  size: 120_000,
  isInline: false,
};
const inlineFlyer: AttachmentInfo = { ...flyer, id: "a2", isInline: true };
const pdf: AttachmentInfo = {
  id: "a3",
  name: "bases.pdf",
  contentType: "application/pdf",
  size: 9_000,
  isInline: false,
};

describe("findImageOnly", () => {
  it("flags HTML whose only content is an image", () => {
    expect(
      findImageOnly({
        body: '<p>&nbsp;</p><img src="cid:a2">',
        bodyType: "html",
        attachments: [inlineFlyer],
      }),
    ).toEqual({ imageCount: 1, textLength: 0 });
  });

  it("flags a trivial text with an attached image, recognised by extension too", () => {
    const jpg: AttachmentInfo = { ...flyer, name: "Afiche.JPG", contentType: "application/octet-stream" };
    expect(findImageOnly({ body: "Ver imagen adjunta", bodyType: "text", attachments: [jpg] })).toEqual({
      imageCount: 1,
      textLength: 16,
    });
  });

  it("does not flag a real message with an image", () => {
    const body =
      "<p>La Oficina de Bienestar invita a toda la comunidad a la feria de salud del jueves en el coliseo.</p>" +
      '<img src="cid:a2">';
    expect(findImageOnly({ body, bodyType: "html", attachments: [inlineFlyer] })).toBeUndefined();
  });

  it("does not flag a short message without images", () => {
    expect(
      findImageOnly({ body: "<p>Ver adjunto</p>", bodyType: "html", attachments: [pdf] }),
    ).toBeUndefined();
  });
});

describe("shownHostOf", () => {
  it.each([
    ["https://www.universidad.example/login", "universidad.example"],
    ["www.universidad.example/movilidad", "universidad.example"],
    ["Portal.Universidad.Example", "portal.universidad.example"],
    ["http://10.0.0.7/admin", "10.0.0.7"],
  ])("reads %s as %s", (text, host) => {
    expect(shownHostOf(text)).toBe(host);
  });

  it.each([
    "Inscríbete aquí",
    "",
    "comunicaciones@universidad.example",
    "v2.0",
    "mailto://",
    "https://[roto",
  ])("does not read %p as an address", (text) => {
    expect(shownHostOf(text)).toBeUndefined();
  });
});

describe("findDeceptiveLinks", () => {
  it("reports a text showing one host and a target on another", () => {
    const html =
      '<p>Ingrese en <a href="https://universidad.example.attacker.example/login">https://www.universidad.example/login</a></p>';
    expect(findDeceptiveLinks(html)).toEqual([
      {
        text: "https://www.universidad.example/login",
        href: "https://universidad.example.attacker.example/login",
        shownHost: "universidad.example",
        targetHost: "universidad.example.attacker.example",
      },
    ]);
  });

  it("accepts the same host, with or without www, and its subdomains", () => {
    const html =
      '<a href="https://www.universidad.example/movilidad">www.universidad.example/movilidad</a>' +
      '<a href="https://universidad.example/">https://www.universidad.example</a>' +
      '<a href="https://portal.universidad.example/x">universidad.example</a>' +
      '<a href="https://elsewhere.example/">Haga clic aquí</a>';
    expect(findDeceptiveLinks(html)).toEqual([]);
  });

  it("sees through user-info in the target and non-web targets", () => {
    const html =
      '<a href="https://universidad.example@attacker.example/">universidad.example</a>' +
      '<a href="javascript:alert(1)">www.universidad.example</a>' +
      '<a href="/relativo">www.universidad.example</a>';
    expect(findDeceptiveLinks(html).map((l) => l.targetHost)).toEqual(["attacker.example", null, null]);
  });
});
