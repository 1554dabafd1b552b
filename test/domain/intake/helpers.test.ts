// The small helpers: text hygiene, folding, masking, language, urgency, units, attachments.
import type { AttachmentInfo } from "../../../src/domain/types";
import {
  attachmentsToCarry,
  pieceAttachments,
  pointsToAttachment,
  referencedContentIds,
} from "../../../src/domain/intake/attachments";
import { fold } from "../../../src/domain/intake/fold";
import { detectLanguage } from "../../../src/domain/intake/language";
import { mask } from "../../../src/domain/intake/mask";
import { cleanBlock, cleanInline, textToHtml } from "../../../src/domain/intake/plainText";
import { proposeUnit, sameUnit } from "../../../src/domain/intake/unit";
import { soundsUrgent, urgencyFromLabel } from "../../../src/domain/intake/urgency";

describe("fold", () => {
  it("lower-cases and strips accents without changing the length", () => {
    expect(fold("Envío MAÑANA Ü")).toBe("envio manana u");
    const odd = "İstanbul 😀";
    expect(fold(odd)).toHaveLength(odd.length);
  });
});

describe("plain text", () => {
  it("cleanInline: no tags, no image marks, collapsed spaces, no wrapping quotes, no final period", () => {
    expect(cleanInline('  "Convocatoria  <b>2027</b>".  ')).toBe("Convocatoria 2027");
    expect(cleanInline("«Hola»")).toBe("Hola");
    expect(cleanInline("Secretaría General.")).toBe("Secretaría General");
    expect(cleanInline("Inscripciones abiertas...")).toBe("Inscripciones abiertas...");
    expect(cleanInline("\uFFFCPromociones")).toBe("Promociones");
  });

  it("cleanBlock keeps paragraphs, at most one blank line", () => {
    expect(cleanBlock("  a  b \n\n\n\n c <i>x</i>\n")).toBe("a b\n\nc x");
  });

  it("textToHtml escapes and keeps paragraphs and line breaks", () => {
    expect(textToHtml("<script>x</script> & y\nz\n\n\nw")).toBe(
      "<p>&lt;script&gt;x&lt;/script&gt; &amp; y<br>z</p><p>w</p>",
    );
  });
});

describe("mask", () => {
  it("blanks spans but keeps line breaks and positions", () => {
    expect(mask("ab\ncd ef", [{ start: 1, end: 5 }])).toBe("a \n   ef");
  });
});

describe("detectLanguage", () => {
  it("is Spanish unless English dominates", () => {
    expect(detectLanguage(fold("Please send the message to all faculty"))).toBe("en");
    expect(detectLanguage(fold("Por favor enviar el mensaje a los docentes"))).toBe("es");
    expect(detectLanguage("")).toBe("es");
  });
});

describe("urgency", () => {
  it("reads labelled priorities", () => {
    expect(urgencyFromLabel("alta")).toBe("urgent");
    expect(urgencyFromLabel("high")).toBe("urgent");
    expect(urgencyFromLabel("normal")).toBe("normal");
    expect(urgencyFromLabel("baja")).toBe("normal");
    expect(urgencyFromLabel("?")).toBeUndefined();
  });

  it.each(["urgente", "enviar hoy mismo", "asap", "lo antes posible", "as soon as possible", "con urgencia"])(
    "%s is urgent",
    (text) => {
      expect(soundsUrgent(text)).toBe(true);
    },
  );

  it("does not take a unit's name for urgency", () => {
    expect(soundsUrgent("servicio de urgencias")).toBe(false);
  });
});

describe("requesting unit", () => {
  const requester = { name: "Decanatura Facultad de Ingeniería", address: "d@u.example" };

  it("sameUnit: equal or one extends the other, ignoring case, accents, articles and punctuation", () => {
    expect(
      sameUnit("La Decanatura Facultad de Ingenieria y Telecom.", "decanatura facultad de ingeniería"),
    ).toBe(true);
    expect(sameUnit("Secretaría General", "Comité Electoral")).toBe(false);
    expect(sameUnit("", "x")).toBe(false);
  });

  it("a labelled unit wins", () => {
    expect(proposeUnit("Oficina X", { value: "Decanatura", source: "labelled" }, requester)).toEqual({
      value: "Oficina X",
      source: "labelled",
    });
  });

  it("takes the desired sender's fuller name for the same unit, else the display name", () => {
    expect(
      proposeUnit(
        undefined,
        { value: "Decanatura Facultad de Ingeniería y Telecomunicaciones", source: "labelled" },
        requester,
      ),
    ).toEqual({ value: "Decanatura Facultad de Ingeniería y Telecomunicaciones", source: "labelled" });
    expect(proposeUnit(undefined, { value: "Decanatura", source: "inferred" }, requester)).toEqual({
      value: "Decanatura Facultad de Ingeniería",
      source: "default",
    });
    expect(proposeUnit(undefined, { value: null, source: "missing" }, requester)).toEqual({
      value: "Decanatura Facultad de Ingeniería",
      source: "default",
    });
  });

  it("falls back to the address when the sender has no display name", () => {
    expect(proposeUnit(undefined, { value: null, source: "missing" }, { address: "x@u.example" })).toEqual({
      value: "x@u.example",
      source: "default",
    });
  });
});

describe("attachments", () => {
  const file = (id: string, contentType: string, isInline = false, extra: object = {}): AttachmentInfo =>
    ({ id, name: `${id}.bin`, contentType, size: 1, isInline, ...extra }) as AttachmentInfo;

  it("finds cid references, decoded and lower-cased", () => {
    expect(
      referencedContentIds('<img src="cid:Image%20001.png@01D"><img src=\'cid:b\'><img src="cid:%E0%A4%A">'),
    ).toEqual(["image 001.png@01d", "b", "%e0%a4%a"]);
  });

  it("carries real attachments and the inline images the message shows (by contentId, id or name)", () => {
    const all = [
      file("pdf", "application/pdf"),
      file("banner", "image/png", true, { contentId: "banner@x" }),
      { ...file("logo", "image/png", true), name: "image001.png" },
      file("byid", "image/png", true),
      file("unused", "image/png", true),
    ];
    const html = '<img src="cid:banner@x"><img src="cid:image001.png@01DA"><img src="cid:byid">';
    expect(attachmentsToCarry(all, html).map((a) => a.id)).toEqual(["pdf", "banner", "logo", "byid"]);
  });

  it("recognizes a message that only points to an attachment", () => {
    for (const text of [
      "ver imagen adjunta (pieza grafica).",
      "pieza grafica adjunta",
      "see attached flyer",
      "adjunto",
    ]) {
      expect(pointsToAttachment(text)).toBe(true);
    }
    for (const text of [
      "consulte el documento adjunto para mas informacion.",
      "la direccion abre la convocatoria",
    ]) {
      expect(pointsToAttachment(text)).toBe(false);
    }
  });

  it("the piece is the attached images, else any attached file", () => {
    expect(
      pieceAttachments([file("a", "application/pdf"), file("b", "image/jpeg")]).map((a) => a.id),
    ).toEqual(["b"]);
    expect(
      pieceAttachments([file("a", "application/pdf"), file("i", "image/png", true)]).map((a) => a.id),
    ).toEqual(["a"]);
  });
});
