import { contentFindings } from "../../src/domain/policy";
import type { PolicyWarning } from "../../src/domain/policy";
import type { Lang } from "../../src/domain/types";
import { formatters, translate } from "../../src/i18n/translate";
import type { I18n } from "../../src/taskpane/I18nContext";
import { senderFallbackText, warningFix, warningText } from "../../src/taskpane/components/warningText";

const i18n = (lang: Lang): I18n => ({
  lang,
  t: (key, params) => translate(lang, key, params),
  fmt: formatters(lang, "America/Bogota"),
});

const findings = contentFindings({
  subject: "CONVOCATORIA BECAS 2027",
  recipients: 20_000,
  message: {
    bodyType: "html",
    body:
      '<p style="color:#777">Inscripciones abiertas para toda la comunidad universitaria hasta el viernes.</p>' +
      '<img src="cid:afiche@01"><a href="https://u.example/becas">clic aquí</a>',
    attachments: [
      { id: "1", name: "afiche.pdf", contentType: "application/pdf", size: 1_300_000, isInline: false },
    ],
  },
});

describe("content findings in the user's language", () => {
  it("has one finding of each new kind to say", () => {
    expect(findings.map((f) => f.code)).toEqual([
      "imageWithoutAlt",
      "vagueLinkText",
      "lowContrast",
      "heavySend",
      "shoutingSubject",
    ]);
  });

  it.each<Lang>(["es", "en"])("%s: each says where, with its figures, and how to fix it", (lang) => {
    for (const w of findings as PolicyWarning[]) {
      const text = warningText(w, i18n(lang));
      const fix = warningFix(w, i18n(lang));
      expect(text).not.toMatch(/\{\w+\}/);
      expect(fix).toBeDefined();
      expect(fix).not.toMatch(/\{\w+\}/);
      if ("where" in w) expect(text).toContain(w.where);
    }
  });

  it("states the figures in the language's number format", () => {
    const heavy = findings.find((f) => f.code === "heavySend") as PolicyWarning;
    // 1 300 000 bytes × 20 000 = 26 GB.
    expect(warningText(heavy, i18n("es"))).toContain("1,3 MB por 20.000 destinatarios son unos 26 GB");
    expect(warningText(heavy, i18n("en"))).toContain("1.3 MB to 20,000 recipients is about 26 GB");
    const contrast = findings.find((f) => f.code === "lowContrast") as PolicyWarning;
    expect(warningText(contrast, i18n("es"))).toContain("4,47:1, mínimo 4,5:1");
    expect(warningFix(contrast, i18n("en"))).toContain("at least 4.5:1");
  });

  it("has no fix line for the warnings whose text already says what to do", () => {
    expect(
      warningFix({ code: "requestedDatePast", date: "2026-11-01", today: "2026-12-01" }, i18n("es")),
    ).toBe(undefined);
  });
});

describe("the sentence saying why the mass mail goes out from another sender", () => {
  const institutional = { name: "Universidad", address: "comunicaciones@universidad.example" };
  const requester = { name: "Decanatura de Ingeniería", address: "decanatura.ing@universidad.example" };

  it("names the address looked for when it is not a configured sender", () => {
    const text = senderFallbackText(
      { sender: institutional, fallback: true, reason: "notConfigured", asked: "otra@universidad.example" },
      { desiredSender: "  Otra unidad ", requester },
      i18n("es").t,
    );
    expect(text).toBe(
      "El remitente solicitado («Otra unidad», otra@universidad.example) no está entre los autorizados: " +
        "ninguna dirección configurada coincide. Se usará el remitente institucional.",
    );
  });

  it("names who sent the request when only a name was asked for", () => {
    const text = senderFallbackText(
      { sender: institutional, fallback: true, reason: "noAddress" },
      { desiredSender: "Secretaría General", requester },
      i18n("en").t,
    );
    expect(text).toContain(
      "“Secretaría General”, which is not who sent it (Decanatura de Ingeniería <decanatura.ing@universidad.example>)",
    );
  });

  it("says nothing when the sender asked for is used, or none was asked for", () => {
    const used = { sender: requester, fallback: false };
    expect(
      senderFallbackText(used, { desiredSender: "Decanatura", requester }, i18n("es").t),
    ).toBeUndefined();
    const blank = { sender: institutional, fallback: true, reason: "noAddress" as const };
    expect(senderFallbackText(blank, { desiredSender: "  ", requester }, i18n("es").t)).toBeUndefined();
  });
});
