// The one place errors reach people: a Fluent MessageBar with the localized message and the next step.
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from "@fluentui/react-components";
import type { ClaimStep } from "../../domain/claim";
import { CLAIM_STEPS } from "../../domain/claim";
import { ADDRESS_PROBLEMS } from "../../domain/address";
import type { AppError, ErrorCode } from "../../domain/errors";
import type { MessageKey } from "../../i18n/catalogue";
import type { I18n } from "../I18nContext";
import { useI18n } from "../I18nContext";
import { waitDuration } from "./waitDuration";

export interface ErrorBarProps {
  error: AppError;
  onRetry?: () => void;
  onDismiss?: () => void;
  /** Offered when someone else's claim on the step is stale (details.stale = 1): take it over and act. */
  onTakeOver?: () => void;
}

/** Typed so that a new error code without a message fails the type-check. */
const MESSAGE_OF: Record<ErrorCode, MessageKey> = {
  illegalTransition: "error.illegalTransition",
  reminderAlreadySentToday: "error.reminderAlreadySentToday",
  invalidCaseId: "error.invalidCaseId",
  invalidRecord: "error.invalidRecord",
  newerRecord: "error.newerRecord",
  forgedRecord: "error.forgedRecord",
  recordTooLarge: "error.recordTooLarge",
  caseCancelled: "error.caseCancelled",
  invalidAddress: "error.invalidAddress",
  emptyMassMail: "error.emptyMassMail",
  testApprovalRequired: "error.testApprovalRequired",
  network: "error.network",
  throttled: "error.throttled",
  unavailable: "error.unavailable",
  notFound: "error.notFound",
  notInSentItemsYet: "error.notInSentItemsYet",
  conflict: "error.conflict",
  claimedByOther: "error.claimedByOther",
  forbidden: "error.forbidden",
  sendAsDenied: "error.sendAsDenied",
  attachmentTooLargeForSharedMailbox: "error.attachmentTooLargeForSharedMailbox",
  unauthenticated: "error.unauthenticated",
  consentRequired: "error.consentRequired",
  mailboxUnknown: "error.mailboxUnknown",
  officeUnsupported: "error.officeUnsupported",
  officeFailed: "error.officeFailed",
  config: "error.config",
  badRequest: "error.badRequest",
  unknown: "error.unknown",
};

export function errorMessageKey(error: AppError): MessageKey {
  if (error.code === "claimedByOther" && isStaleClaim(error)) return "error.claimedByOtherStale";
  if (error.code === "emptyMassMail" && error.details?.at === "draft") return "error.emptyMassMailDraft";
  if (error.code === "throttled" && error.details?.stopped === 1) return "error.throttledStopped";
  if (error.code === "throttled" && typeof error.details?.waitedSeconds === "number")
    return "error.throttledLong";
  return MESSAGE_OF[error.code];
}

function isStaleClaim(error: AppError): boolean {
  return error.code === "claimedByOther" && error.details?.stale === 1;
}

/** The message's placeholders: a claim names the step in words and its time in the pane's language and zone. */
function paramsOf(error: AppError, i18n: I18n): Record<string, string | number> | undefined {
  const { t, fmt } = i18n;
  if (error.code === "throttled" && typeof error.details?.waitedSeconds === "number")
    return { ...error.details, waited: waitDuration(error.details.waitedSeconds * 1000, i18n) };
  if (error.code === "reminderAlreadySentToday" && error.details)
    return { ...error.details, time: fmt.time(String(error.details.at)) };
  if (error.code === "invalidAddress" && error.details) {
    const problem = ADDRESS_PROBLEMS.find((p) => p === error.details?.problem);
    return {
      role: t("address.role.requester"),
      problem: problem ? t(`address.problem.${problem}`) : String(error.details.problem),
    };
  }
  if (error.code !== "claimedByOther" || !error.details) return error.details;
  const step = String(error.details.step);
  const since = String(error.details.since);
  return {
    ...error.details,
    step: CLAIM_STEPS.includes(step as ClaimStep) ? t(`claim.step.${step as ClaimStep}`) : step,
    since: Number.isNaN(Date.parse(since)) ? since : fmt.dateTime(since),
  };
}

export function ErrorBar({ error, onRetry, onDismiss, onTakeOver }: ErrorBarProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const canRetry = onRetry && (error.nextStep === "retry" || error.nextStep === "signIn");
  const canTakeOver = onTakeOver && isStaleClaim(error);
  return (
    <MessageBar intent="error" role="alert" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{t("error.title")}</MessageBarTitle>
        {t(errorMessageKey(error), paramsOf(error, i18n))}
      </MessageBarBody>
      <MessageBarActions>
        {canTakeOver ? (
          <Button size="small" onClick={onTakeOver}>
            {t("error.takeOver")}
          </Button>
        ) : null}
        {canRetry ? (
          <Button size="small" onClick={onRetry}>
            {error.nextStep === "signIn" ? t("error.signIn") : t("error.retry")}
          </Button>
        ) : null}
        {onDismiss ? (
          <Button size="small" appearance="transparent" onClick={onDismiss}>
            {t("error.dismiss")}
          </Button>
        ) : null}
      </MessageBarActions>
    </MessageBar>
  );
}
