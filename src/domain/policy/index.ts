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
export type { HtmlScan, ScannedImage, ScannedLink, StyledText } from "./htmlScan";
export { scanHtml } from "./htmlScan";
export type { DeceptiveLink, ImageOnlyFinding, MessageContent, MissingAltFinding } from "./contentChecks";
export {
  TRIVIAL_TEXT_MAX_CHARS,
  findDeceptiveLinks,
  findImageOnly,
  findImagesWithoutAlt,
  imageWhere,
  shownHostOf,
} from "./contentChecks";
export type { Rgba } from "./cssColor";
export { parseCssColor } from "./cssColor";
export type { LowContrastFinding } from "./contrast";
export {
  MIN_CONTRAST_LARGE,
  MIN_CONTRAST_NORMAL,
  contrastRatio,
  findLowContrast,
  relativeLuminance,
} from "./contrast";
export type { VagueLinkFinding } from "./linkText";
export { VAGUE_LINK_TEXTS, findVagueLinks, isVagueLinkText, normalizeLinkText } from "./linkText";
export type { HeavySendFinding, WeightItem } from "./sendWeight";
export { BYTES_PER_GIGABYTE, HEAVY_SEND_GIGABYTES, findHeavySend, weightItems } from "./sendWeight";
export type { ShoutingSubjectFinding } from "./subjectCase";
export { SHOUTING_MIN_LETTERS, SHOUTING_UPPER_SHARE, findShoutingSubject } from "./subjectCase";
export type {
  ContentCheckInput,
  ContentCheckOptions,
  ContentFinding,
  ContentFindingCode,
} from "./contentFindings";
export { CONTENT_FINDING_CODES, contentFindings } from "./contentFindings";
export type { PolicyConfig, PolicyInput, PolicyWarning, PolicyWarningCode } from "./warnings";
export { policyWarnings } from "./warnings";
