// The shape of pregon.config.json, the one file an institution edits to deploy Pregón.
// Every object is strict so that a misspelt key is reported instead of silently ignored (a typo in
// "leadTimeDays" would otherwise fall back to nothing and every due date would be wrong).
// Custom checks carry `params.kind`/`params.expected` so that problems.ts can report them as data.
import { checkAddress } from "../domain/address";
import { z } from "../domain/schema";
import { isDateOnly } from "../domain/dates";
import { AUDIENCE_KEYS } from "../domain/types";
import type { AudienceKey } from "../domain/types";
import {
  CONFIG_SCHEMA_VERSION,
  LEAD_TIME_DAYS,
  NOT_CONFIGURED_GUID,
  URGENT_HOURS,
  isDialogUrl,
  isImageHost,
  isKnownTimeZone,
} from "./rules";

export {
  CONFIG_SCHEMA_VERSION,
  LEAD_TIME_DAYS,
  NOT_CONFIGURED_GUID,
  TEMPLATE_CLIENT_ID,
  TEMPLATE_TENANT_ID,
  URGENT_HOURS,
  isDialogUrl,
  isImageHost,
  isKnownTimeZone,
} from "./rules";

const text = z.string().trim().min(1);
/** The add-in's one address rule (domain/address.ts), so a configured address is never one Pregón refuses later. */
const email = z
  .string()
  .trim()
  .superRefine((value, ctx) => {
    const problem = checkAddress(value);
    if (problem) {
      ctx.addIssue({
        code: "custom",
        params: { kind: "invalidEmail", expected: "email address", problem },
        message: `not an e-mail address (${problem})`,
      });
    }
  });

const guid = z.guid().refine((v) => v !== NOT_CONFIGURED_GUID, {
  error: "still the all-zero placeholder: set the app registration's client id",
  params: { kind: "notConfigured", expected: "GUID" },
});

const dateOnly = z.string().refine(isDateOnly, {
  error: "not a calendar date",
  params: { kind: "invalidDate", expected: "YYYY-MM-DD" },
});

const timeZone = z.string().refine(isKnownTimeZone, {
  error: "unknown time zone",
  params: { kind: "invalidTimeZone", expected: "IANA time zone" },
});

const tenantId = z.string().superRefine((value, ctx) => {
  const expected = 'GUID | "organizations"';
  if (value === NOT_CONFIGURED_GUID) {
    ctx.addIssue({
      code: "custom",
      params: { kind: "notConfigured", expected },
      message: "still the all-zero placeholder: set the tenant id",
    });
  } else if (value !== "organizations" && !z.guid().safeParse(value).success) {
    ctx.addIssue({
      code: "custom",
      params: { kind: "invalidGuid", expected },
      message: 'not a GUID or "organizations"',
    });
  }
});

const dialogUrl = z.string().refine(isDialogUrl, {
  error: "not an https URL or a relative path",
  params: { kind: "invalidUrl", expected: 'https URL or relative path ("dialog.html")' },
});

const mailbox = z.strictObject({ name: text, address: email });

const imageHost = z.string().refine(isImageHost, {
  error: "not a host name",
  params: { kind: "invalid", expected: "host name, e.g. www.universidad.edu.co" },
});

/** No image host unless configured: a mass mail then keeps only its own (cid:) images. */
export const DEFAULT_IMAGE_HOSTS: readonly string[] = [];

/** A signature: plain text (line breaks kept), one per language the mails are written in. */
const signatureText = z.string().max(1000);
const signatureByLang = z.strictObject({ es: signatureText, en: signatureText });

const audience = z.strictObject({
  key: z.enum(["estudiantes", "docentes", "administrativos"] satisfies AudienceKey[]),
  label: z.strictObject({ es: text, en: text }),
  group: email,
});

/** Reports the second and later occurrences of a value, at the field that repeats it. */
function unique<T>(field: string, valueOf: (item: T) => unknown) {
  return (items: T[], ctx: z.RefinementCtx) => {
    const seen = new Set<unknown>();
    items.forEach((item, index) => {
      const value = valueOf(item);
      if (seen.has(value)) {
        ctx.addIssue({
          code: "custom",
          path: [index, field],
          params: { kind: "duplicate", expected: "unique value" },
          message: `${field} repeats an earlier entry`,
        });
      }
      seen.add(value);
    });
  };
}

export const pregonConfigSchema = z.strictObject({
  $schemaVersion: z.literal(CONFIG_SCHEMA_VERSION),
  /** Free text for whoever edits the file; ignored by the add-in. */
  $comment: z.string().optional(),
  institution: z.strictObject({
    name: text,
    timeZone,
    defaultLanguage: z.enum(["es", "en"]),
  }),
  communicationsMailbox: email,
  itMailbox: email,
  audiences: z
    .array(audience)
    .min(1)
    .max(AUDIENCE_KEYS.length)
    .superRefine(unique("key", (a: { key: string }) => a.key)),
  allowedSenders: z
    .array(mailbox)
    .superRefine(unique("address", (s: { address: string }) => s.address.toLowerCase())),
  institutionalSender: mailbox,
  leadTimeDays: z.int().min(LEAD_TIME_DAYS.min).max(LEAD_TIME_DAYS.max),
  closedDays: z.array(dateOnly),
  /**
   * The urgent lane (issue 13), in business hours (08:00–17:00 on working days): `dueHours` after arrival an urgent
   * request without a date is due (absent: the same business day); `reminderHours` after the forward or the latest
   * reminder Communications is offered a reminder. Absent: same business day and 4 hours (domain/policy/urgent.ts).
   */
  urgent: z
    .strictObject({
      dueHours: z.int().min(URGENT_HOURS.min).max(URGENT_HOURS.max).optional(),
      reminderHours: z.int().min(URGENT_HOURS.min).max(URGENT_HOURS.max),
    })
    .optional(),
  /**
   * Minutes after which someone's claim on a step (e.g. "Ana is forwarding since 10:02") may be taken over when
   * nothing shows the step happened; 10 when absent (see domain/claim.ts).
   */
  staleClaimMinutes: z
    .int()
    .min(1)
    .max(24 * 60)
    .optional(),
  /**
   * The institution's own web sites: the only hosts whose images a mass mail keeps, and the only ones the
   * production build's Content-Security-Policy lets the pane load images from. Empty when absent.
   */
  imageHosts: z.array(imageHost).optional(),
  /**
   * The time of day ("HH:MM", the institution's time zone) a mass mail is scheduled for on the requested date
   * (Exchange's deferred delivery holds it until then); "08:00" when absent (domain/schedule.ts).
   */
  scheduledSendTime: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: "A time of day as HH:MM, e.g. 08:00" })
    .optional(),
  /**
   * Each office's signature, closing the mails it sends: Communications' relay to the requester, IT's confirmation
   * to Communications. Plain text in both languages (the mail is in `institution.defaultLanguage`); none when absent.
   */
  signature: z
    .strictObject({ communications: signatureByLang.optional(), it: signatureByLang.optional() })
    .optional(),
  /**
   * IT's test send (a copy of the mass mail marked [PRUEBA]/[TEST] to the requester and Communications): when
   * `approvalRequired`, IT cannot send the mass mail until the requester approved the test. Not required when absent.
   */
  testSend: z.strictObject({ approvalRequired: z.boolean() }).optional(),
  auth: z.strictObject({
    clientId: guid,
    tenantId,
    dialogUrl: dialogUrl.optional(),
  }),
});

/** A validated configuration: everything the add-in reads at start-up. */
export type PregonConfig = z.infer<typeof pregonConfigSchema>;

/** Whether the requester must approve IT's test send before the mass mail may go out (false when absent). */
export function testApprovalRequired(config: Pick<PregonConfig, "testSend">): boolean {
  return config.testSend?.approvalRequired ?? false;
}

/** The configured image hosts, lower-cased; the default (none) when the file has no `imageHosts`. */
export function imageHostsOf(config: Pick<PregonConfig, "imageHosts">): readonly string[] {
  return (config.imageHosts ?? DEFAULT_IMAGE_HOSTS).map((h) => h.toLowerCase());
}
