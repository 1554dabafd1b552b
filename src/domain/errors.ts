// One error model for the whole add-in: a stable code, a message key for the i18n catalogue, and the cause.
// Adapters translate Office, Graph, HTTP and MSAL failures into it; the UI shows `messageKey` with a next step.

export type ErrorCode =
  // domain
  | "illegalTransition"
  /** A reminder already went out this business day and the user did not confirm a second (details: at). */
  | "reminderAlreadySentToday"
  | "invalidCaseId"
  | "invalidRecord"
  | "newerRecord"
  /**
   * The record on this message was written for another message (copied) or names another case than the message's
   * case-id property: it is not acted on, and nothing is written (details: caseId, reason).
   */
  | "forgedRecord"
  | "recordTooLarge"
  /** Communications cancelled the case: IT must not prepare or send its mass mail. */
  | "caseCancelled"
  /** An e-mail address that is missing or malformed (details: role, problem — see domain/address.ts). */
  | "invalidAddress"
  /** The configuration asks for the requester's approval of IT's test send before the mass mail goes out. */
  | "testApprovalRequired"
  /** The mass mail would show nothing: no visible text, no image (details: at = "message" | "draft"). */
  | "emptyMassMail"
  // outside systems
  | "network"
  | "throttled"
  | "unavailable"
  | "notFound"
  /** A sent mail whose Sent Items copy Exchange has not filed yet (it comes seconds after the send). */
  | "notInSentItemsYet"
  | "conflict"
  /** Someone else is doing this step of the case right now (details: by, for, step, since, stale). */
  | "claimedByOther"
  | "forbidden"
  | "sendAsDenied"
  /** A file over Graph's one-request limit, for a draft in a mailbox that is not the signed-in user's. */
  | "attachmentTooLargeForSharedMailbox"
  | "unauthenticated"
  | "consentRequired"
  | "mailboxUnknown"
  | "officeUnsupported"
  | "officeFailed"
  | "config"
  | "badRequest"
  | "unknown";

/** What the user can do next; the UI turns it into a button or a hint. */
export type NextStep = "retry" | "signIn" | "openSettings" | "contactAdmin" | "reload" | "none";

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly nextStep: NextStep;
  /** Extra facts for the message (e.g. a field name), never PII. */
  readonly details?: Readonly<Record<string, string | number>>;

  constructor(
    code: ErrorCode,
    message: string,
    options: { cause?: unknown; nextStep?: NextStep; details?: Record<string, string | number> } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = "AppError";
    this.code = code;
    this.nextStep = options.nextStep ?? defaultNextStep(code);
    this.details = options.details;
  }
}

export function defaultNextStep(code: ErrorCode): NextStep {
  switch (code) {
    case "network":
    case "mailboxUnknown":
    case "throttled":
    case "unavailable":
    case "conflict":
    case "claimedByOther":
    case "notInSentItemsYet":
    case "unknown":
      return "retry";
    case "unauthenticated":
    case "consentRequired":
      return "signIn";
    case "config":
      return "openSettings";
    case "forbidden":
    case "sendAsDenied":
    case "officeUnsupported":
      return "contactAdmin";
    case "officeFailed":
      return "reload";
    case "reminderAlreadySentToday":
    case "illegalTransition":
    case "invalidCaseId":
    case "invalidRecord":
    case "newerRecord":
    case "forgedRecord":
    case "recordTooLarge":
    case "caseCancelled":
    case "invalidAddress":
    case "emptyMassMail":
    case "testApprovalRequired":
    case "notFound":
    case "badRequest":
    case "attachmentTooLargeForSharedMailbox":
      return "none";
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}

/** Wraps anything thrown into an AppError, keeping the original as the cause. */
export function toAppError(e: unknown): AppError {
  if (e instanceof AppError) return e;
  const message = e instanceof Error ? e.message : String(e);
  return new AppError("unknown", message, { cause: e });
}

/**
 * A request that was never run because one it depended on failed: a $batch step answered 424 Failed Dependency,
 * or a read that had to follow a write that failed (MailService.readAfterWrite). Nothing happened on the server.
 */
export function notRunError(): AppError {
  return new AppError("unknown", "Not run: a request it depends on failed", {
    details: { failedDependency: 1 },
  });
}

/** Whether `e` is notRunError's: the request did not run. */
export function isNotRun(e: unknown): boolean {
  return e instanceof AppError && e.details?.failedDependency === 1;
}
