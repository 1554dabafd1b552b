// The lean start-up check must never disagree with zod in the dangerous direction: whatever it accepts, zod
// accepts with the very same value; and every broken file it hands to zod still gets zod's detailed problems.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fastCheckConfig } from "../../src/config/fastCheck";
import { loadConfig, parseConfig } from "../../src/config/load";
import { loadStartConfig, validateConfig } from "../../src/config/startConfig";

const template = JSON.parse(
  readFileSync(join(__dirname, "../../src/config/pregon.config.json"), "utf8"),
) as Record<string, unknown>;

type Json = Record<string, unknown>;
const clone = (): Json => structuredClone(template);

/** One change per variant, each something an administrator could plausibly write. */
const variants: Array<[string, (c: Json) => void]> = [
  ["no $comment", (c) => delete c["$comment"]],
  ["staleClaimMinutes 15", (c) => (c["staleClaimMinutes"] = 15)],
  ["staleClaimMinutes 0", (c) => (c["staleClaimMinutes"] = 0)],
  ["staleClaimMinutes 1.5", (c) => (c["staleClaimMinutes"] = 1.5)],
  ["imageHosts with a URL", (c) => (c["imageHosts"] = ["https://www.universidad.example"])],
  ["imageHosts with a wildcard", (c) => (c["imageHosts"] = ["*.universidad.example"])],
  ["no imageHosts", (c) => delete c["imageHosts"]],
  ["scheduledSendTime 8:00", (c) => (c["scheduledSendTime"] = "8:00")],
  ["scheduledSendTime 24:00", (c) => (c["scheduledSendTime"] = "24:00")],
  ["scheduledSendTime 07:30", (c) => (c["scheduledSendTime"] = "07:30")],
  ["no signature", (c) => delete c["signature"]],
  ["no urgent", (c) => delete c["urgent"]],
  ["urgent reminder hours only", (c) => (c["urgent"] = { reminderHours: 4 })],
  ["urgent with due hours", (c) => (c["urgent"] = { dueHours: 9, reminderHours: 2 })],
  ["urgent without reminder hours", (c) => (c["urgent"] = { dueHours: 9 })],
  ["urgent due hours 0", (c) => (c["urgent"] = { dueHours: 0, reminderHours: 2 })],
  ["urgent reminder hours 1.5", (c) => (c["urgent"] = { reminderHours: 1.5 })],
  ["urgent with an unknown key", (c) => (c["urgent"] = { reminderHours: 2, dueDays: 1 })],
  ["signature for one office only", (c) => delete (c["signature"] as Json)["it"]],
  ["signature without en", (c) => delete ((c["signature"] as Json)["communications"] as Json)["en"]],
  ["signature as one string", (c) => (c["signature"] = "Comunicaciones")],
  ["signature for an unknown office", (c) => ((c["signature"] as Json)["rectoria"] = { es: "R", en: "R" })],
  ["empty signature", (c) => ((c["signature"] as Json)["it"] = { es: "", en: "" })],
  [
    "signature of 1001 characters",
    (c) => ((c["signature"] as Json)["it"] = { es: "x".repeat(1001), en: "x" }),
  ],
  ["signature not text", (c) => ((c["signature"] as Json)["it"] = { es: 1, en: "x" })],
  ["testSend approval required", (c) => (c["testSend"] = { approvalRequired: true })],
  ["no testSend", (c) => delete c["testSend"]],
  ["testSend approval as text", (c) => (c["testSend"] = { approvalRequired: "true" })],
  ["testSend with an unknown key", (c) => (c["testSend"] = { approvalRequired: false, required: true })],
  ["itMailbox with a label ending in a hyphen", (c) => (c["itMailbox"] = "tic@universidad-.example")],
  ["itMailbox with spaces around", (c) => (c["itMailbox"] = " tic@universidad.example ")],
  ["schema version 2", (c) => (c["$schemaVersion"] = 2)],
  ["schema version as text", (c) => (c["$schemaVersion"] = "1")],
  ["unknown top key", (c) => (c["leadTimeDay"] = 3)],
  ["leadTimeDays 31", (c) => (c["leadTimeDays"] = 31)],
  ["leadTimeDays -1", (c) => (c["leadTimeDays"] = -1)],
  ["leadTimeDays 2.5", (c) => (c["leadTimeDays"] = 2.5)],
  ["leadTimeDays missing", (c) => delete c["leadTimeDays"]],
  ["bad mailbox", (c) => (c["itMailbox"] = "tic@")],
  ["mailbox with a quote (zod accepts, the lean check defers)", (c) => (c["itMailbox"] = "o'neil@u.example")],
  ["mailbox with double dot", (c) => (c["itMailbox"] = "a..b@u.example")],
  ["mailbox with leading dot", (c) => (c["itMailbox"] = ".ab@u.example")],
  ["mailbox with a space", (c) => (c["itMailbox"] = "tic @u.example")],
  ["name with spaces around (zod trims)", (c) => ((c["institution"] as Json)["name"] = "  Universidad  ")],
  ["blank name", (c) => ((c["institution"] as Json)["name"] = "   ")],
  ["unknown time zone", (c) => ((c["institution"] as Json)["timeZone"] = "America/Nowhere")],
  ["offset time zone", (c) => ((c["institution"] as Json)["timeZone"] = "+05:00")],
  ["language fr", (c) => ((c["institution"] as Json)["defaultLanguage"] = "fr")],
  ["extra institution key", (c) => ((c["institution"] as Json)["city"] = "Bogotá")],
  ["no audiences", (c) => (c["audiences"] = [])],
  [
    "duplicate audience",
    (c) => (c["audiences"] = [(c["audiences"] as Json[])[0], (c["audiences"] as Json[])[0]]),
  ],
  ["unknown audience key", (c) => ((c["audiences"] as Json[])[0]!["key"] = "egresados")],
  ["label without en", (c) => delete ((c["audiences"] as Json[])[0]!["label"] as Json)["en"]],
  [
    "duplicate sender, other case",
    (c) =>
      (c["allowedSenders"] = [
        { name: "A", address: "a@u.example" },
        { name: "B", address: "A@U.EXAMPLE" },
      ]),
  ],
  ["no senders", (c) => (c["allowedSenders"] = [])],
  ["bad closed day", (c) => (c["closedDays"] = ["2026-02-30"])],
  ["closed day as number", (c) => (c["closedDays"] = [20261224])],
  ["all-zero client id", (c) => ((c["auth"] as Json)["clientId"] = "00000000-0000-0000-0000-000000000000")],
  ["client id not a GUID", (c) => ((c["auth"] as Json)["clientId"] = "my-app")],
  ["tenant organizations", (c) => ((c["auth"] as Json)["tenantId"] = "organizations")],
  ["tenant common", (c) => ((c["auth"] as Json)["tenantId"] = "common")],
  ["all-zero tenant", (c) => ((c["auth"] as Json)["tenantId"] = "00000000-0000-0000-0000-000000000000")],
  ["no dialogUrl", (c) => delete (c["auth"] as Json)["dialogUrl"]],
  ["http dialogUrl", (c) => ((c["auth"] as Json)["dialogUrl"] = "http://x.example/dialog.html")],
  ["parent dialogUrl", (c) => ((c["auth"] as Json)["dialogUrl"] = "../dialog.html")],
  ["extra auth key", (c) => ((c["auth"] as Json)["secret"] = "x")],
  ["comment not text", (c) => (c["$comment"] = 3)],
];

describe("fastCheckConfig", () => {
  it("accepts the shipped template and returns exactly what zod returns", () => {
    const json = clone();
    const zod = parseConfig(structuredClone(json));
    expect(zod.ok).toBe(true);
    expect(fastCheckConfig(json)).toEqual(zod.ok ? zod.config : undefined);
  });

  it.each(variants)("never accepts what zod refuses, nor differs from zod's value: %s", (_name, change) => {
    const json = clone();
    change(json);
    const fast = fastCheckConfig(structuredClone(json));
    const zod = parseConfig(structuredClone(json));
    if (fast !== undefined) {
      expect(zod.ok).toBe(true);
      expect(fast).toEqual(zod.ok ? zod.config : undefined);
    }
    // The start-up path answers exactly what the full loader answers, problems and messages included.
    return expect(validateConfig(structuredClone(json))).resolves.toEqual(zod);
  });

  it.each(["no $comment", "staleClaimMinutes 15", "tenant organizations", "no dialogUrl"])(
    "vouches by itself for a valid file (%s), so zod is not needed",
    (name) => {
      const json = clone();
      variants.find(([n]) => n === name)![1](json);
      expect(fastCheckConfig(json)).toBe(json);
    },
  );

  it("refuses a file that is not an object", () => {
    expect(fastCheckConfig(null)).toBeUndefined();
    expect(fastCheckConfig([template])).toBeUndefined();
  });
});

describe("loadStartConfig", () => {
  it.each([
    ["valid", JSON.stringify(template)],
    ["not JSON", '{ "institution": '],
    ["broken", JSON.stringify({ ...template, leadTimeDays: 99, itMailbox: "nope" })],
  ])("answers what loadConfig answers for a %s file", async (_name, text) => {
    const fetchText = async () => text;
    await expect(loadStartConfig(fetchText, "pregon.config.json")).resolves.toEqual(
      await loadConfig(fetchText, "pregon.config.json"),
    );
  });

  it("reports an unreadable file with its status", async () => {
    const fetchText = async () => {
      throw Object.assign(new Error("HTTP 404"), { status: 404 });
    };
    const result = await loadStartConfig(fetchText);
    expect(result).toEqual(await loadConfig(fetchText));
    expect(result.ok ? [] : result.problems.map((p) => p.kind)).toEqual(["fileUnavailable"]);
  });
});
