import { caseTag, taggedSubject } from "../../../src/domain/templates/subject";

describe("caseTag", () => {
  it("brackets an id, tolerating brackets and spaces around it", () => {
    expect(caseTag("CM-2611-7F3K")).toBe("[CM-2611-7F3K]");
    expect(caseTag(" [CM-2611-7F3K] ")).toBe("[CM-2611-7F3K]");
  });

  it("refuses an empty id or one that would break the tag", () => {
    expect(() => caseTag("")).toThrow(RangeError);
    expect(() => caseTag("CM 2611")).toThrow(RangeError);
    expect(() => caseTag("CM]-x")).toThrow(RangeError);
  });
});

describe("taggedSubject", () => {
  it("puts the tag first, then the kind of mail, then the request's subject", () => {
    expect(taggedSubject("CM-2611-7F3K", "Solicitud de envío masivo", "Convocatoria movilidad 2027")).toBe(
      "[CM-2611-7F3K] Solicitud de envío masivo: Convocatoria movilidad 2027",
    );
  });

  it("keeps the subject on one line", () => {
    expect(taggedSubject("CM-2611-7F3K", "Mass mail sent", "Line one\r\nBcc: someone\tthere")).toBe(
      "[CM-2611-7F3K] Mass mail sent: Line one Bcc: someone there",
    );
  });

  it("does not repeat a tag the subject already carries", () => {
    expect(taggedSubject("CM-2611-7F3K", "Mass mail reminder", "RE: [cm-2611-7f3k] Feria")).toBe(
      "[CM-2611-7F3K] Mass mail reminder: RE: Feria",
    );
  });

  it("omits the colon when the request had no subject", () => {
    expect(taggedSubject("CM-2611-7F3K", "Mass mail request", "  ")).toBe("[CM-2611-7F3K] Mass mail request");
  });
});
