// Exchange's quote header (English, UTC) is rewritten in the mail's language and the institution's zone.
import { withCommentAbove } from "../../src/graph/quotedBody";
import { localizeQuoteHeader, parseExchangeSent } from "../../src/graph/quoteHeader";
import { exchangeSentTime } from "../../src/emulator/mail/compose";

const exchangeDraft = (sent: string) =>
  `<html><head></head><body><div></div><hr style="display:inline-block;width:98%">` +
  `<div id="divRplyFwdMsg" dir="ltr"><b>From:</b> Facultad &lt;facultad@universidad.example&gt;<br>` +
  `<b>Sent:</b> ${sent}<br><b>To:</b> comunicaciones@universidad.example<br>` +
  `<b>Cc:</b> rectoria@universidad.example<br><b>Subject:</b> Solicitud</div>` +
  `<div><p>Hola</p><div id="divRplyFwdMsg"><b>From:</b> older quote</div></div></body></html>`;

describe("quote header", () => {
  it("reads Exchange's sent time (UTC, 12-hour)", () => {
    expect(parseExchangeSent("Thursday, December 3, 2026 11:30:05 PM")?.toISOString()).toBe(
      "2026-12-03T23:30:05.000Z",
    );
    expect(parseExchangeSent("Tuesday, August 20, 2019 12:05:00 AM")?.toISOString()).toBe(
      "2019-08-20T00:05:00.000Z",
    );
    expect(parseExchangeSent("Tue, 20 Aug 2019 07:53:20 GMT")).toBeUndefined();
    expect(parseExchangeSent("Friday, February 30, 2026 1:00:00 PM")).toBeUndefined();
    // The emulator's form is the one the parser reads.
    expect(parseExchangeSent(exchangeSentTime("2026-03-29T01:00:00Z"))?.toISOString()).toBe(
      "2026-03-29T01:00:00.000Z",
    );
  });

  it("writes a Spanish header with the time in Europe/Madrid: 23:30 UTC is the next day", () => {
    const html = localizeQuoteHeader(exchangeDraft("Thursday, December 3, 2026 11:30:05 PM"), {
      lang: "es",
      timeZone: "Europe/Madrid",
    });
    const header = /<div id="divRplyFwdMsg" dir="ltr">([\s\S]*?)<\/div>/.exec(html)?.[1] ?? "";
    expect(header).toContain("<b>De:</b> Facultad &lt;facultad@universidad.example&gt;");
    expect(header).toContain("<b>Enviado:</b> viernes, 4 de diciembre de 2026, 00:30");
    expect(header).toContain("<b>Para:</b> comunicaciones@universidad.example");
    expect(header).toContain("<b>CC:</b> rectoria@universidad.example");
    expect(header).toContain("<b>Asunto:</b> Solicitud");
    expect(header).not.toMatch(/From:|Sent:|To:|Subject:|GMT|UTC/);
    // An older quote inside the original stays as its author's client wrote it.
    expect(html).toContain("<b>From:</b> older quote");
  });

  it("writes an English header with the institution's zone", () => {
    const html = localizeQuoteHeader(exchangeDraft("Thursday, December 3, 2026 11:30:05 PM"), {
      lang: "en",
      timeZone: "America/Bogota",
    });
    expect(html).toContain("<b>Sent:</b> Thursday, December 3, 2026 at 18:30");
  });

  it("keeps a sent time it cannot read, under the translated label", () => {
    const html = localizeQuoteHeader(exchangeDraft("jeudi 3 décembre 2026 23:30"), {
      lang: "es",
      timeZone: "Europe/Madrid",
    });
    expect(html).toContain("<b>Enviado:</b> jeudi 3 décembre 2026 23:30");
  });

  it("puts the comment above a localized header; without a language the header stays as Exchange wrote it", () => {
    const draft = {
      contentType: "html" as const,
      content: exchangeDraft("Thursday, December 3, 2026 11:30:05 PM"),
    };
    const localized = withCommentAbove("<p>Caso</p>", draft, { lang: "es", timeZone: "Europe/Madrid" });
    expect(localized.indexOf("<p>Caso</p>")).toBeLessThan(localized.indexOf("<b>De:</b>"));
    expect(withCommentAbove("<p>Caso</p>", draft)).toContain(
      "<b>Sent:</b> Thursday, December 3, 2026 11:30:05 PM",
    );
  });
});
