// IT's view of a forwarded case: what Communications confirmed, the message (sanitized), the groups with their
// member counts, and the steps prepare → review → send (after a confirmation) → confirm to Communications.
import type { CaseSummary, ChangedField } from "../../../domain/caseHeader";
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useCallback, useState } from "react";
import type { ReactNode } from "react";
import { itScheduledPending, itStageOf } from "../../../domain/itLifecycle";
import type { ItRecord } from "../../../domain/itRecord";
import { totalRecipients } from "../../../domain/itRecord";
import type { AudienceKey } from "../../../domain/types";
import {
  confirmToCommunications,
  prepareMassMail,
  requestedSend,
  sendBlockedByApproval,
  sendMassMail,
  switchDraftSender,
  withdrawScheduledMassMail,
} from "../../../workflow/it/itActions";
import type { SendWhen } from "../../../workflow/it/itActions";
import type { ItOpened } from "../../../workflow/it/openItCase";
import { chooseSender, institutionalSender } from "../../../workflow/it/senders";
import { refusalOf } from "../../../workflow/it/refusedSenders";
import type { RememberedRefusal } from "../../../workflow/it/refusedSenders";
import { ActionButton } from "../../components/ActionButton";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { CaseFacts } from "../../components/CaseFacts";
import { MessagePreview } from "../../components/MessagePreview";
import { senderFallbackText } from "../../components/warningText";
import { ItStateBadge, StateBadge, UrgentBadge } from "../../components/StateBadge";
import { imageHostsOf } from "../../../config/schema";
import { useI18n } from "../../I18nContext";
import { useServices } from "../../ServicesContext";
import { useAction } from "../../hooks/useAction";
import type { ActionState } from "../../hooks/useAction";
import { useAudienceCounts } from "../../hooks/useAudienceCounts";
import { useRefusedSenders } from "../../hooks/useRefusedSenders";
import { useWorkflow } from "../../hooks/useWorkflow";
import { AudiencePicker } from "./AudiencePicker";
import { ContentReport } from "./ContentReport";
import { ItAnswerReminder } from "./ItAnswerReminder";
import { ItReview } from "./ItReview";
import { ItTestSend, TEST_BLOCK_REASON_ID } from "./ItTestSend";
import { mailboxText } from "./mailboxText";
import { SendConfirmDialog } from "./SendConfirmDialog";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, minWidth: 0 },
  heading: { display: "flex", alignItems: "center", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

export interface ItCaseViewProps {
  item: Extract<ItOpened, { kind: "itCase" }>;
}

export function ItCaseView({ item }: ItCaseViewProps) {
  const styles = useStyles();
  const { t, fmt, lang } = useI18n();
  const { config, host } = useServices();
  const ctx = useWorkflow();
  const counts = useAudienceCounts();
  const [record, setRecord] = useState<ItRecord>(item.record);
  // A stopped record shows the step it stopped at, with that step's buttons disabled and described by the reason.
  const stage = itStageOf(record);
  const [audiences, setAudiences] = useState<AudienceKey[]>(item.summary.fields.audiences);
  // IT may prepare with the institutional sender on purpose (the requested one was refused before).
  const [institutionalChosen, setInstitutionalChosen] = useState(false);
  const sender = institutionalChosen ? institutionalSender(config) : chooseSender(config, item.summary);
  const fallbackText = senderFallbackText(
    sender,
    { desiredSender: item.summary.fields.desiredSender, requester: item.summary.requester },
    t,
  );
  // Senders Exchange refused before (IT's records): said before preparing and before the send, not after.
  const refusals = useRefusedSenders(item.mailbox);
  const remembered: readonly RememberedRefusal[] =
    refusals.data ?? (record.sendAsRefused ? [{ ...record.sendAsRefused, caseId: record.caseId }] : []);
  const refusedBefore = (address: string | undefined) => refusalOf(remembered, address);
  const refusedAsPrepared = refusedBefore(sender.sender.address);
  const refusedAsDrafted = record.sender ? refusedBefore(record.sender.address) : undefined;
  // When the requester asked for the mass mail (the case as it now stands): scheduled for then by default.
  const requested = requestedSend(ctx, item);
  const requestedFor = requested?.ahead ? requested.at : undefined;
  // A scheduled send Exchange still holds: it can be withdrawn until it leaves.
  const pending = itScheduledPending(record, ctx.now());
  const scheduledFor = record.sent?.scheduledFor;
  // testSend.approvalRequired: the send waits for the requester's approval of IT's test (ItTestSend says so).
  const approvalMissing = sendBlockedByApproval(ctx, record);

  const prepare = useAction(
    useCallback(
      () => prepareMassMail(ctx, item, { audiences, counts: counts.data ?? [], sender }),
      [ctx, item, audiences, counts.data, sender],
    ),
    setRecord,
  );
  const send = useAction(
    useCallback((when: SendWhen) => sendMassMail(ctx, item, { when }), [ctx, item]),
    setRecord,
  );
  // What IT chose in the send dialog: the progress says "sending" for a send now, "scheduling" for a scheduled one.
  const [sendMode, setSendMode] = useState<SendWhen["mode"]>("scheduled");
  const withdraw = useAction(
    useCallback(() => withdrawScheduledMassMail(ctx, item), [ctx, item]),
    setRecord,
  );
  const withdrawButton = (
    <ConfirmDialog
      triggerLabel={t("it.withdraw")}
      triggerAppearance={item.cancelled ? "primary" : "secondary"}
      disabled={withdraw.isRunning}
      title={t("it.withdrawTitle")}
      confirmLabel={t("it.withdrawConfirm")}
      keepLabel={t("it.withdrawKeep")}
      modalType="alert"
      onConfirm={() => void withdraw.run()}
    >
      {t("it.withdrawBody", { when: scheduledFor ? fmt.weekdayDateTime(scheduledFor) : "" })}
    </ConfirmDialog>
  );
  const fallback = useAction(
    useCallback(() => switchDraftSender(ctx, item, institutionalSender(config)), [ctx, item, config]),
    (r: ItRecord) => {
      setRecord(r);
      send.clearError();
    },
  );
  const confirm = useAction(
    useCallback(() => confirmToCommunications(ctx, item), [ctx, item]),
    setRecord,
  );
  const groupNames = record.groups.map((g) => {
    const a = config.audiences.find((x) => x.group.toLowerCase() === g.address.toLowerCase());
    return a ? `${a.label[lang]} (${g.address})` : g.address;
  });

  return (
    <section className={styles.root} aria-labelledby="it-case-title">
      <div className={styles.heading}>
        <Text block as="h2" id="it-case-title" weight="semibold" size={400}>
          {t("it.title", { id: item.summary.id })}
        </Text>
        {/* Cancelled before IT sent: that is the case's state now; after the send, IT's own state stands. */}
        {item.cancelled && (stage === "received" || stage === "prepared") ? (
          <StateBadge state="cancelled" />
        ) : (
          <ItStateBadge state={record.state} scheduled={pending && record.state === "sent"} />
        )}
        {item.summary.fields.urgency === "urgent" ? <UrgentBadge /> : null}
      </div>
      {item.sendDetected ? (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>{t("it.sendDetected")}</MessageBarBody>
        </MessageBar>
      ) : null}

      {item.cancelled && pending && scheduledFor ? (
        // Cancelled while Exchange still holds the scheduled mass mail: withdrawing it is what is left to do.
        <MessageBar intent="error" layout="multiline" role="alert">
          <MessageBarBody>
            <MessageBarTitle>{t("it.cancelled.scheduledTitle")}</MessageBarTitle>
            {t("it.cancelled.body", {
              reason: item.cancelled.reason,
              by: item.cancelled.by,
              at: fmt.dateTime(item.cancelled.at),
            })}{" "}
            {t("it.cancelled.scheduledBody", { when: fmt.weekdayDateTime(scheduledFor) })}
          </MessageBarBody>
          <MessageBarActions>{withdrawButton}</MessageBarActions>
        </MessageBar>
      ) : item.cancelled ? (
        <MessageBar
          intent={record.state === "sent" || record.state === "confirmed" ? "warning" : "error"}
          layout="multiline"
          role="alert"
        >
          <MessageBarBody>
            <MessageBarTitle>
              {record.state === "sent" || record.state === "confirmed"
                ? t("it.cancelled.conflictTitle")
                : t("it.cancelled.title")}
            </MessageBarTitle>
            <span id="it-cancelled-why">
              {t("it.cancelled.body", {
                reason: item.cancelled.reason,
                by: item.cancelled.by,
                at: fmt.dateTime(item.cancelled.at),
              })}
            </span>
            {record.state === "sent" || record.state === "confirmed" ? (
              <> {t("it.cancelled.conflictBody")}</>
            ) : null}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {item.changed.length > 0 ? (
        <MessageBar intent="info" layout="multiline" role="note">
          <MessageBarBody>
            <MessageBarTitle>{t("it.changed.title", { version: item.summary.version })}</MessageBarTitle>
            <ul className={styles.list} aria-label={t("it.changed.title", { version: item.summary.version })}>
              {item.changed.map((field) => (
                <li key={field}>
                  {field === "text" ? (
                    <>
                      {t("it.changed.text")}: {t("it.changed.textNow")}
                    </>
                  ) : (
                    <>
                      {t(`it.changed.${field}`)}: {changedValue(item.forwardSummary, field)} →{" "}
                      {changedValue(item.summary, field)}
                    </>
                  )}
                </li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      ) : null}

      {!item.content.hasContent && stage === "received" ? (
        <MessageBar intent="error" layout="multiline" role="alert">
          <MessageBarBody>
            <MessageBarTitle>{t("error.title")}</MessageBarTitle>
            <span id="it-empty-why">{t("error.emptyMassMail")}</span>
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {stage === "received" || stage === "prepared" ? <ContentReport content={item.content} /> : null}
      <ItAnswerReminder item={item} record={record} />

      <CaseFacts
        fields={item.summary.fields}
        requester={item.summary.requester}
        dueDate={item.summary.dueDate}
      />

      {stage === "received" ? (
        <>
          <AudiencePicker chosen={audiences} onChange={setAudiences} counts={counts} />
          <Text>
            <Text weight="semibold">{t("it.sender")}: </Text>
            {mailboxText(sender.sender)}
          </Text>
          {refusedAsPrepared ? (
            <RefusedBefore refusal={refusedAsPrepared}>
              <Button size="small" onClick={() => setInstitutionalChosen(true)}>
                {t("it.prepareInstitutional")}
              </Button>
            </RefusedBefore>
          ) : null}
          {fallbackText ? (
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody>{fallbackText}</MessageBarBody>
            </MessageBar>
          ) : null}
          {item.attachments.length > 0 ? (
            <div>
              <Text weight="semibold">{t("it.attachments")}</Text>
              <ul className={styles.list}>
                {item.attachments.map((a) => (
                  <li key={a.id}>{`${a.name} (${fmt.number(Math.ceil(a.size / 1024))} KB)`}</li>
                ))}
              </ul>
            </div>
          ) : null}
          {item.cancelled || record.state === "refused" || !item.content.hasContent ? (
            <Button disabled aria-describedby={item.cancelled ? "it-cancelled-why" : "it-empty-why"}>
              {t("it.prepare")}
            </Button>
          ) : (
            <ActionButton
              action={prepare}
              label={t("it.prepare")}
              runningLabel={t("it.preparing")}
              doneLabel={t("it.prepared")}
            />
          )}
        </>
      ) : null}

      {stage === "prepared" ? (
        <>
          <ItReview
            record={record}
            subject={item.summary.fields.subject}
            groupNames={groupNames}
            requested={requested}
          />
          {refusedAsDrafted && send.error?.code !== "sendAsDenied" ? (
            <RefusedBefore refusal={refusedAsDrafted}>
              <Button size="small" disabled={fallback.isRunning} onClick={() => void fallback.run()}>
                {t("it.useInstitutional")}
              </Button>
            </RefusedBefore>
          ) : null}
          <ItTestSend
            item={item}
            record={record}
            onRecord={setRecord}
            disabled={!!item.cancelled || record.state === "refused"}
          />
          <div className={styles.row}>
            {host.canOpenDraft() && record.draftId ? (
              <Button onClick={() => void host.openDraft(record.draftId ?? "")}>{t("it.review")}</Button>
            ) : null}
            <SendConfirmDialog
              subject={item.summary.fields.subject}
              groups={groupNames}
              total={totalRecipients(record.groups)}
              disabled={send.isRunning || !!item.cancelled || record.state === "refused" || approvalMissing}
              requestedFor={requestedFor}
              sender={record.sender}
              refusedAt={refusedAsDrafted?.at}
              weight={item.content.weight}
              describedBy={
                item.cancelled ? "it-cancelled-why" : approvalMissing ? TEST_BLOCK_REASON_ID : undefined
              }
              onConfirm={(when) => {
                setSendMode(when.mode);
                void send.run(when);
              }}
            />
          </div>
          {send.error?.code === "sendAsDenied" ? (
            <MessageBar intent="error" layout="multiline" role="alert">
              <MessageBarBody>
                {record.sender
                  ? t("it.sendAsDeniedNamed", { sender: mailboxText(record.sender) })
                  : t("error.sendAsDenied")}
              </MessageBarBody>
              <MessageBarActions>
                <Button size="small" onClick={() => void fallback.run()}>
                  {t("it.useInstitutional")}
                </Button>
              </MessageBarActions>
            </MessageBar>
          ) : (
            <ActionButtonStatus
              action={send}
              scheduling={requestedFor !== undefined && sendMode === "scheduled"}
            />
          )}
        </>
      ) : null}

      {record.state === "sent" || record.state === "confirmed" ? (
        <>
          {record.deliveryProblems && record.deliveryProblems.length > 0 ? (
            <MessageBar intent="warning" layout="multiline" role="note">
              <MessageBarBody>
                <MessageBarTitle>{t("it.refusedTitle")}</MessageBarTitle>
                {t("it.refused", {
                  groups: record.deliveryProblems.map((p) => p.address).join(", "),
                  sender: record.sender?.address ?? config.itMailbox,
                })}
              </MessageBarBody>
            </MessageBar>
          ) : null}
          {record.sent && scheduledFor && pending ? (
            <>
              <Text weight="semibold" role="status">
                {t("it.scheduledFor", { when: fmt.weekdayDateTime(scheduledFor) })}
              </Text>
              <Text>{t("it.scheduledBy", { who: record.sent.by, at: fmt.dateTime(record.sent.at) })}</Text>
              {item.cancelled ? null : <div className={styles.row}>{withdrawButton}</div>}
            </>
          ) : record.sent ? (
            <Text>
              {record.sent.for
                ? t("it.sentAtFor", {
                    when: fmt.dateTime(scheduledFor ?? record.sent.at),
                    who: record.sent.by,
                    mailbox: record.sent.for,
                  })
                : t("it.sentAt", { when: fmt.dateTime(scheduledFor ?? record.sent.at), who: record.sent.by })}
            </Text>
          ) : null}
          <Text>
            {groupNames.join(", ")} — {t("it.total", { count: fmt.number(totalRecipients(record.groups)) })}
          </Text>
          {record.state === "sent" ? (
            <ActionButton
              action={confirm}
              label={t("it.confirm")}
              runningLabel={t("it.confirming")}
              doneLabel={t("it.confirmed")}
            />
          ) : (
            <Text role="status">{t("it.confirmed")}</Text>
          )}
        </>
      ) : null}

      {withdraw.isRunning || withdraw.error || withdraw.result ? (
        <ActionButton
          action={withdraw}
          label={t("it.withdraw")}
          runningLabel={t("it.withdrawing")}
          doneLabel={t("it.withdrawn")}
          hideButton
        />
      ) : null}

      <Text id="it-preview-title" weight="semibold">
        {t("preview.title")}
      </Text>
      <MessagePreview
        sanitizedHtml={item.messageHtml}
        labelId="it-preview-title"
        imageHosts={imageHostsOf(config)}
        inlineImages={{ mailbox: item.mailbox, messageId: item.message.id, attachments: item.attachments }}
      />
    </section>
  );
}

/** Exchange refused this sender before (a remembered refusal), with the way out as `children`. */
function RefusedBefore({ refusal, children }: { refusal: RememberedRefusal; children: ReactNode }) {
  const { t, fmt } = useI18n();
  return (
    <MessageBar intent="warning" layout="multiline" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{t("it.sendAsRefusedTitle")}</MessageBarTitle>
        {t("it.sendAsRefusedBefore", {
          at: fmt.dateTime(refusal.at),
          sender: mailboxText(refusal.name ? { name: refusal.name, address: refusal.address } : refusal),
          caseId: refusal.caseId,
          by: refusal.by,
        })}
      </MessageBarBody>
      <MessageBarActions>{children}</MessageBarActions>
    </MessageBar>
  );
}

/** A changed fact as IT reads it. */
function changedValue(summary: CaseSummary, field: Exclude<ChangedField, "text">): string {
  switch (field) {
    case "requestedDate":
      return summary.fields.requestedDate ?? "—";
    case "audiences":
      return summary.fields.audiences.join(", ");
    case "subject":
      return summary.fields.subject;
    case "dueDate":
      return summary.dueDate;
    case "urgency":
      return summary.fields.urgency;
  }
}

/** Progress and errors of the send, which has its own confirm button instead of an ActionButton. */
function ActionButtonStatus({
  action,
  scheduling,
}: {
  action: ActionState<ItRecord, [SendWhen]>;
  scheduling: boolean;
}) {
  const { t } = useI18n();
  if (!action.isRunning && !action.error) return null;
  return (
    <ActionButton
      action={action}
      label={scheduling ? t("it.scheduleSend") : t("it.sendNow")}
      runningLabel={scheduling ? t("it.scheduling") : t("it.sending")}
      doneLabel={scheduling ? t("it.scheduled") : t("it.sent")}
      hideButton
    />
  );
}
