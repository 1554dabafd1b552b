// Shapes shared by the message templates.
import type { AudienceKey } from "../types";

/** What every template returns: the subject line (plain text) and an HTML body. */
export interface MailTemplate {
  subject: string;
  html: string;
}

/** An audience's display names, as configured by the institution. */
export interface AudienceLabel {
  key: AudienceKey;
  labelEs: string;
  labelEn: string;
}
