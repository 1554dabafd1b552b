// The one place errors reach people: a Fluent MessageBar with the localized message and the next step.
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from "@fluentui/react-components";
import type { AppError, ErrorCode } from "../../domain/errors";
import type { MessageKey } from "../../i18n/catalogue";
import { useI18n } from "../I18nContext";

export interface ErrorBarProps {
  error: AppError;
  onRetry?: () => void;
  onDismiss?: () => void;
}

/** Typed so that a new error code without a message fails the type-check. */
const MESSAGE_OF: Record<ErrorCode, MessageKey> = {
  illegalTransition: "error.illegalTransition",
  invalidCaseId: "error.invalidCaseId",
  invalidRecord: "error.invalidRecord",
  newerRecord: "error.newerRecord",
  recordTooLarge: "error.recordTooLarge",
  network: "error.network",
  throttled: "error.throttled",
  unavailable: "error.unavailable",
  notFound: "error.notFound",
  notInSentItemsYet: "error.notInSentItemsYet",
  conflict: "error.conflict",
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
  return MESSAGE_OF[error.code];
}

export function ErrorBar({ error, onRetry, onDismiss }: ErrorBarProps) {
  const { t } = useI18n();
  const canRetry = onRetry && (error.nextStep === "retry" || error.nextStep === "signIn");
  return (
    <MessageBar intent="error" role="alert" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{t("error.title")}</MessageBarTitle>
        {t(errorMessageKey(error), error.details)}
      </MessageBarBody>
      <MessageBarActions>
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
