// Policy: the institution's working calendar, due dates and the warnings shown before a request is forwarded.
export { easterSunday } from "./easter";
export type { Holiday, HolidayKey } from "./holidays";
export {
  FIRST_SUPPORTED_YEAR,
  colombianHolidays,
  holidaysOn,
  isColombianHoliday,
  onOrNextMonday,
} from "./holidays";
export type { NonWorkingReason } from "./businessDays";
export {
  addBusinessDays,
  businessDayOnOrAfter,
  businessDayOnOrBefore,
  businessDaysAfter,
  isBusinessDay,
  nextBusinessDay,
  nonWorkingReasons,
  previousBusinessDay,
} from "./businessDays";
export type { DueDate, DueDateInput, DueDateReason } from "./dueDate";
export { computeDueDate } from "./dueDate";
export type { HtmlScan, ScannedLink } from "./htmlScan";
export { scanHtml } from "./htmlScan";
export type { DeceptiveLink, ImageOnlyFinding, MessageContent } from "./contentChecks";
export { TRIVIAL_TEXT_MAX_CHARS, findDeceptiveLinks, findImageOnly, shownHostOf } from "./contentChecks";
export type { PolicyConfig, PolicyInput, PolicyWarning, PolicyWarningCode } from "./warnings";
export { policyWarnings } from "./warnings";
