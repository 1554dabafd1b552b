import { readFileSync } from "node:fs";
import path from "node:path";
import type { ContentFinding, MessageContent } from "../../../src/domain/policy";
import {
  contentFindings,
  contrastRatio,
  findShoutingSubject,
  isVagueLinkText,
  parseCssColor,
  policyWarnings,
} from "../../../src/domain/policy";
import type { AttachmentInfo } from "../../../src/domain/types";
import { REQUEST_FIXTURES } from "../../../src/demo/seedMessages";

const html = (body: string, attachments: AttachmentInfo[] = []): MessageContent => ({
  body,
  bodyType: "html",
  attachments,
});
const codes = (findings: readonly ContentFinding[]) => findings.map((f) => f.code);
const only = <C extends ContentFinding["code"]>(findings: readonly ContentFinding[], code: C) =>
  findings.filter((f): f is Extract<ContentFinding, { code: C }> => f.code === code);

/** A Graph message JSON (the request fixtures' shape) as the content checks see it. */
function contentOf(message: unknown): { subject: string; message: MessageContent } {
  const m = message as {
    subject: string;
    body: { contentType: string; content: string };
    attachments?: { id: string; name: string; contentType: string; size: number; isInline: boolean }[];
  };
  return {
    subject: m.subject,
    message: {
      body: m.body.content,
      bodyType: m.body.contentType === "html" ? "html" : "text",
      attachments: (m.attachments ?? []).map(({ id, name, contentType, size, isInline }) => ({
        id,
        name,
        contentType,
        size,
        isInline,
      })),
    },
  };
}

const TEXT =
  "<p>La Biblioteca Central amplía su horario hasta las diez de la noche durante los exámenes finales.</p>";

describe("content findings, one small sample each", () => {
  it("a clean message has no finding", () => {
    expect(
      contentFindings({
        subject: "Horario extendido de la biblioteca",
        message: html(TEXT),
        recipients: 20000,
      }),
    ).toEqual([]);
  });

  it('imageWithoutAlt: an image with no alt attribute, by its address; alt="" (decorative) is left alone', () => {
    const findings = contentFindings({
      message: html(
        `${TEXT}<img src="cid:banner@01"><img src="logo.png" alt=""><img src="x.png" alt="Mapa">`,
      ),
    });
    expect(findings).toEqual([{ code: "imageWithoutAlt", where: "cid:banner@01" }]);
  });

  it("imageWithoutAlt: a data: image is named by its type, not by its whole payload", () => {
    const findings = contentFindings({
      message: html(`${TEXT}<img src="data:image/png;base64,${"A".repeat(400)}">`),
    });
    expect(only(findings, "imageWithoutAlt")).toEqual([
      { code: "imageWithoutAlt", where: "data:image/png;base64,…" },
    ]);
  });

  it("imageOnly: a message that is only an image says where the image is", () => {
    const findings = contentFindings({ message: html('<p><img src="cid:flyer@01" alt="Afiche"></p>') });
    expect(findings).toEqual([{ code: "imageOnly", where: "cid:flyer@01", imageCount: 1, textLength: 0 }]);
  });

  it.each([
    ["clic aquí"],
    ["Clic AQUÍ."],
    ["Haga clic aquí"],
    ["aquí"],
    ["Más información"],
    ["click here"],
    ["here"],
    ["Read more »"],
  ])("vagueLinkText: «%s» says nothing about where it leads", (text) => {
    const findings = contentFindings({
      message: html(`${TEXT}<p><a href="https://u.example/x">${text}</a></p>`),
    });
    expect(findings).toEqual([{ code: "vagueLinkText", where: text, href: "https://u.example/x" }]);
  });

  it("vagueLinkText: a text that names the target is fine", () => {
    for (const text of ["Inscripciones aquí", "Consulte el calendario académico", "Enrolment calendar"])
      expect(isVagueLinkText(text)).toBe(false);
  });

  it("deceptiveLink: the text shows one address and the link goes to another; where is the text", () => {
    const findings = contentFindings({
      message: html(`${TEXT}<a href="https://attacker.example/login">www.universidad.example/login</a>`),
    });
    expect(only(findings, "deceptiveLink")).toEqual([
      {
        code: "deceptiveLink",
        where: "www.universidad.example/login",
        text: "www.universidad.example/login",
        href: "https://attacker.example/login",
        shownHost: "universidad.example",
        targetHost: "attacker.example",
      },
    ]);
  });

  it("lowContrast: #777 on white is 4.47:1, below 4.5 (hand-computed), #767676 is 4.54:1 and passes", () => {
    // L(#77) = ((119/255 + 0.055) / 1.055)^2.4 = 0.1845 → (1 + 0.05) / (0.1845 + 0.05) = 4.478 → shown as 4.47.
    // L(#76) = ((118/255 + 0.055) / 1.055)^2.4 = 0.1812 → 1.05 / 0.2312 = 4.542: the lightest grey that passes.
    const findings = contentFindings({
      message: html(
        '<p style="color:#777">Inscripciones abiertas</p><p style="color:#767676">Texto legible</p>' + TEXT,
      ),
    });
    expect(findings).toEqual([
      {
        code: "lowContrast",
        where: "Inscripciones abiertas",
        foreground: "#777777",
        background: "#ffffff",
        ratio: 4.47,
        required: 4.5,
        occurrences: 1,
      },
    ]);
  });

  it("lowContrast: background from bgcolor and colour from <font>, inherited by the text inside", () => {
    // #336699 on #003366: L = 0.1251 and 0.0333 → (0.1751) / (0.0833) = 2.10.
    const findings = contentFindings({
      message: html(
        `${TEXT}<table><tr><td bgcolor="#003366"><font color="#336699"><span>Horario</span></font></td></tr></table>`,
      ),
    });
    expect(only(findings, "lowContrast")).toEqual([
      expect.objectContaining({ where: "Horario", foreground: "#336699", background: "#003366", ratio: 2.1 }),
    ]);
  });

  it("lowContrast: large text (18pt, or 14pt bold) needs 3:1 only; the same grey at 11pt needs 4.5:1", () => {
    // #949494 on white: L = 0.2961 → 1.05 / 0.3461 = 3.03, between 3 and 4.5.
    const large = contentFindings({
      message: html(`${TEXT}<p style="color:#949494;font-size:18pt">Título</p>`),
    });
    const bold = contentFindings({
      message: html(`${TEXT}<p style="color:#949494;font-size:14pt"><strong>Título</strong></p>`),
    });
    const small = contentFindings({
      message: html(`${TEXT}<p style="color:#949494;font-size:11pt">Título</p>`),
    });
    expect(large).toEqual([]);
    expect(bold).toEqual([]);
    expect(only(small, "lowContrast")).toEqual([expect.objectContaining({ ratio: 3.03, required: 4.5 })]);
  });

  it("lowContrast: one finding per pair of colours, counting where they recur; default colours are not judged", () => {
    const findings = contentFindings({
      message: html(
        `${TEXT}<p style="color:yellow">Uno</p><p>Normal</p><p style="color:rgb(255, 255, 0)">Dos</p>`,
      ),
    });
    expect(only(findings, "lowContrast")).toEqual([
      expect.objectContaining({ where: "Uno", foreground: "#ffff00", occurrences: 2 }),
    ]);
  });

  it("lowContrast: a colour it cannot read, or text over a background image, is skipped, not guessed", () => {
    expect(contentFindings({ message: html(`${TEXT}<p style="color:var(--x)">Texto</p>`) })).toEqual([]);
    const overImage = `${TEXT}<div style="background: url(fondo.jpg)"><p style="color:#eee">Texto</p></div>`;
    expect(contentFindings({ message: html(overImage) })).toEqual([]);
  });

  it("heavySend: size × recipients in GB from the threshold up (hand-computed), largest item first", () => {
    // 2 400 000 + 120 000 bytes = 2.52 MB per copy; × 2 000 recipients = 5.04e9 bytes = 5.04 GB ≥ 5 → 5.0 GB.
    const attachments: AttachmentInfo[] = [
      { id: "1", name: "banner.png", contentType: "image/png", size: 120_000, isInline: true },
      { id: "2", name: "folleto.pdf", contentType: "application/pdf", size: 2_400_000, isInline: false },
    ];
    const heavy = contentFindings({ message: html(TEXT, attachments), recipients: 2000 });
    expect(heavy).toEqual([
      {
        code: "heavySend",
        where: "folleto.pdf",
        bytes: 2_520_000,
        recipients: 2000,
        gigabytes: 5,
        thresholdGigabytes: 5,
        items: [
          { name: "folleto.pdf", bytes: 2_400_000, kind: "attachment" },
          { name: "banner.png", bytes: 120_000, kind: "inlineImage" },
        ],
      },
    ]);
    // 2.52 MB × 1 900 = 4.788 GB: below the threshold.
    expect(contentFindings({ message: html(TEXT, attachments), recipients: 1900 })).toEqual([]);
    // Unknown recipients: not judged. A lower threshold from the options: judged against it.
    expect(contentFindings({ message: html(TEXT, attachments) })).toEqual([]);
    expect(
      codes(
        contentFindings({ message: html(TEXT, attachments), recipients: 1000 }, { heavySendGigabytes: 2 }),
      ),
    ).toEqual(["heavySend"]);
  });

  it("heavySend: an image embedded as data: counts its decoded bytes", () => {
    // 1 000 000 base64 characters with no padding decode to 750 000 bytes; × 10 000 = 7.5 GB.
    const findings = contentFindings({
      message: html(`${TEXT}<img alt="Afiche" src="data:image/png;base64,${"A".repeat(1_000_000)}">`),
      recipients: 10_000,
    });
    expect(only(findings, "heavySend")).toEqual([
      expect.objectContaining({ bytes: 750_000, gigabytes: 7.5, where: "data:image/png;base64,…" }),
    ]);
  });

  it("shoutingSubject: a subject in capitals; acronyms in a normal subject and short ones are fine", () => {
    expect(contentFindings({ subject: "CONVOCATORIA BECAS 2027", message: html(TEXT) })).toEqual([
      { code: "shoutingSubject", where: "CONVOCATORIA BECAS 2027", upperShare: 1 },
    ]);
    expect(findShoutingSubject("Convocatoria UNAL-ICETEX de becas 2027")).toBeUndefined();
    expect(findShoutingSubject("UNAL 2027")).toBeUndefined();
  });
});

describe("content findings on the demo's requests", () => {
  const seeded = (subjectStart: string) => {
    const found = REQUEST_FIXTURES.find((m) => (m as { subject: string }).subject.startsWith(subjectStart));
    if (!found) throw new Error(`no seeded request starts with ${subjectStart}`);
    return contentOf(found);
  };

  it("the seeded hostile request: an image with no alt, a «clic aquí» link and a deceptive link", () => {
    const request = seeded("Solicitud envío <script>");
    const findings = contentFindings({ message: request.message });
    expect(codes(findings)).toEqual(["imageWithoutAlt", "vagueLinkText", "deceptiveLink"]);
    expect(only(findings, "imageWithoutAlt")[0]?.where).toBe("x");
    expect(only(findings, "vagueLinkText")[0]).toEqual({
      code: "vagueLinkText",
      where: "clic aquí",
      href: "javascript:alert(document.domain)",
    });
    expect(only(findings, "deceptiveLink")[0]?.where).toBe("https://www.universidad.example/login");
  });

  it("the seeded request with a banner and a PDF: heavy for 20 000 students (hand-computed)", () => {
    // 120 000 + 5 000 + 250 000 = 375 000 bytes per copy; × 20 000 = 7.5e9 bytes = 7.5 GB.
    const request = seeded("Solicitud correo masivo: convocatoria interna");
    const findings = contentFindings({ ...request, recipients: 20_000 });
    expect(only(findings, "heavySend")).toEqual([
      expect.objectContaining({ where: "terminos-convocatoria-2027.pdf", bytes: 375_000, gigabytes: 7.5 }),
    ]);
  });

  it("a request in low-contrast colours with a subject in capitals (test/data/contentChecks)", () => {
    const file = path.join(__dirname, "../../data/contentChecks/low-contrast-capitals.json");
    const request = contentOf(JSON.parse(readFileSync(file, "utf8")));
    // 2 400 000 bytes × 3 000 administrative staff = 7.2 GB.
    const findings = contentFindings({ ...request, recipients: 3000 });
    expect(codes(findings)).toEqual([
      "imageWithoutAlt",
      "vagueLinkText",
      "lowContrast",
      "lowContrast",
      "heavySend",
      "shoutingSubject",
    ]);
    expect(only(findings, "lowContrast").map((f) => [f.where.slice(0, 20), f.ratio])).toEqual([
      // #999 on white: L = 0.3185 → 1.05 / 0.3685 = 2.849, rounded down to 2.84.
      ["Las inscripciones al", 2.84],
      // #336699 on #003366 (bgcolor on the cell, <font color>): 2.10.
      ["Horario: martes y ju", 2.1],
    ]);
    expect(only(findings, "heavySend")[0]?.gigabytes).toBe(7.2);
  });
});

describe("content findings reach the policy warnings", () => {
  it("with the subject and recipients the form or IT's review knows", () => {
    const calendar = { closedDays: [], timeZone: "America/Bogota" };
    const warnings = policyWarnings(
      {
        subject: "ÚLTIMO LLAMADO A INSCRIPCIONES",
        recipients: 20_000,
        message: html(`${TEXT}<a href="https://u.example">aquí</a>`, [
          { id: "1", name: "afiche.pdf", contentType: "application/pdf", size: 500_000, isInline: false },
        ]),
      },
      calendar,
      "2026-12-01T15:00:00Z",
      { leadTimeDays: 3 },
    );
    expect(codes(warnings as ContentFinding[])).toEqual(["vagueLinkText", "heavySend", "shoutingSubject"]);
  });
});

describe("CSS colours and WCAG contrast", () => {
  it("reads the colour notations mail uses", () => {
    expect(parseCssColor("#fff")).toEqual({ r: 255, g: 255, b: 255, a: 1 });
    expect(parseCssColor("#1F3864")).toEqual({ r: 31, g: 56, b: 100, a: 1 });
    expect(parseCssColor("rgb(10, 20, 30)")).toEqual({ r: 10, g: 20, b: 30, a: 1 });
    expect(parseCssColor("rgba(0,0,0,.5)")).toEqual({ r: 0, g: 0, b: 0, a: 0.5 });
    expect(parseCssColor("rgb(100% 0% 0% / 50%)")).toEqual({ r: 255, g: 0, b: 0, a: 0.5 });
    expect(parseCssColor("hsl(120, 100%, 25%)")).toEqual({ r: 0, g: 128, b: 0, a: 1 });
    expect(parseCssColor("LightGray")).toEqual({ r: 211, g: 211, b: 211, a: 1 });
    expect(parseCssColor("var(--brand)")).toBeUndefined();
    expect(parseCssColor("#12")).toBeUndefined();
  });

  it("gives 21:1 for black on white and 1:1 for a colour on itself", () => {
    const black = parseCssColor("black")!;
    const white = parseCssColor("white")!;
    expect(contrastRatio(black, white)).toBeCloseTo(21, 10);
    expect(contrastRatio(white, white)).toBe(1);
  });
});
