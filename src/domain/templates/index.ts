// Message templates: the mails Pregón sends, in Spanish and English, as pure `{ subject, html }` functions.
export type { AudienceLabel, MailTemplate } from "./types";
export { escapeHtml, escapeMultiline } from "./escape";
export {
  audienceLabel,
  formatAddress,
  formatAudiences,
  formatCount,
  formatDate,
  formatInstant,
  formatList,
  localeFor,
} from "./format";
export { caseTag, cleanCaseId, taggedSubject } from "./subject";
export type { ForwardToItInput } from "./forwardToIt";
export { forwardToItTemplate } from "./forwardToIt";
export type { ReminderInput } from "./reminder";
export { reminderTemplate } from "./reminder";
export type { ItConfirmationInput, SentGroup } from "./itConfirmation";
export { itConfirmationTemplate, totalRecipients } from "./itConfirmation";
export type { RelayToRequesterInput } from "./relayToRequester";
export { relayToRequesterTemplate } from "./relayToRequester";
export type { CaseNoticeInput, NoticeChange } from "./caseNotice";
export { caseNoticeTemplate } from "./caseNotice";
export { itStatusAnswerTemplate, itStatusSentence } from "./itStatusAnswer";
export type { AskRequesterInput } from "./askRequester";
export { askRequesterTemplate } from "./askRequester";
