// A message that is a case (the request, or any reply carrying its id): state, due date, fields, history and
// the one action that comes next.
import {
  Field,
  Textarea,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { answerOfNote } from "../../domain/itStatus";
import { sendConflictOf } from "../../domain/lifecycle";
import { itStatusSentence } from "../../domain/templates";
import { useCallback, useMemo, useState } from "react";
import { offers, showsDueDate } from "../../domain/caseOffers";
import { earlierReminder } from "../../domain/reminders";
import { urgentReminderDue } from "../../domain/policy/urgent";
import type { Case } from "../../domain/types";
import { cancelCase, recordCorrection } from "../../workflow/actions/cancelCase";
import { forwardToIt } from "../../workflow/actions/forwardToIt";
import type { ClaimOptions } from "../../workflow/claims";
import { relayRecipient, relayToRequester } from "../../workflow/actions/relayToRequester";
import { setMessageText } from "../../workflow/actions/setMessageText";
import { MAX_MESSAGE_TEXT } from "../../domain/recordSchema";
import { sendReminder } from "../../workflow/actions/sendReminder";
import { updateAfterForward } from "../../workflow/actions/updateAfterForward";
import type { CaseChanges } from "../../domain/lifecycle";
import type { ReminderOptions } from "../../workflow/actions/sendReminder";
import { calendarOf, urgentTimingOf } from "../../workflow/context";
import type { OpenedItem } from "../../workflow/openItem";
import type { MessageKey } from "../../i18n/catalogue";
import { ActionButton } from "../components/ActionButton";
import { ConfirmDialog } from "../components/ConfirmDialog";
import { CaseFacts } from "../components/CaseFacts";
import { ReachSummary } from "../components/ReachSummary";
import { OverdueBadge, StateBadge, UrgentBadge } from "../components/StateBadge";
import { Timeline } from "../components/Timeline";
import { useI18n } from "../I18nContext";
import { useServices } from "../ServicesContext";
import { useAction } from "../hooks/useAction";
import { useAudienceCounts } from "../hooks/useAudienceCounts";
import { useRefusedGroups } from "../hooks/useRefusedGroups";
import { useWorkflow } from "../hooks/useWorkflow";
import { CancelDialog } from "./CancelDialog";
import { CorrectionDialog } from "./CorrectionDialog";
import { UpdateDialog } from "./UpdateDialog";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  heading: { display: "flex", alignItems: "center", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  actions: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
});

const RECONCILED: Record<string, MessageKey> = {
  forwardRecovered: "case.reconciled.forwardRecovered",
  confirmationLinked: "case.reconciled.confirmationLinked",
  relayRecovered: "case.reconciled.relayRecovered",
  askRecovered: "case.reconciled.askRecovered",
  reminderRecovered: "case.reconciled.reminderRecovered",
  noticeRecovered: "case.reconciled.noticeRecovered",
  itAnswerLinked: "case.reconciled.itAnswerLinked",
  sendCrossedCancel: "case.reconciled.sendCrossedCancel",
};

/** The reach and the sender of a case IT has not sent yet (counts are asked for only while they matter). */
function CaseReach({ fields, requester }: Pick<Case, "fields" | "requester">) {
  const counts = useAudienceCounts();
  return <ReachSummary audiences={fields.audiences} request={{ fields, requester }} counts={counts} />;
}

function addressText(a: { name?: string; address: string }): string {
  return a.name ? `${a.name} <${a.address}>` : a.address;
}

export interface CaseViewProps {
  item: Extract<OpenedItem, { kind: "case" }>;
}

export function CaseView({ item }: CaseViewProps) {
  const styles = useStyles();
  const { t, fmt, lang } = useI18n();
  const ctx = useWorkflow();
  const [current, setCurrent] = useState<Case>(item.case);
  const messageId = item.message.id;
  const [notice, setNotice] = useState<MessageKey>();
  /** The action's result is the record as saved: show it without reloading the pane. */
  const done = useMemo(() => {
    const after = (key: MessageKey) => (c: Case) => {
      setCurrent(c);
      setNotice(key);
    };
    return {
      forwarded: after("act.forwarded"),
      reminded: after("act.reminded"),
      relayed: after("act.relayed"),
      updated: after("act.updated"),
      cancelled: after("act.cancelled"),
      corrected: after("act.corrected"),
      savedText: after("act.savedText"),
    };
  }, []);

  const forward = useAction(
    useCallback(
      (options?: ClaimOptions) => forwardToIt(ctx, item.mailbox, messageId, undefined, options),
      [ctx, item.mailbox, messageId],
    ),
    done.forwarded,
  );
  const remind = useAction(
    useCallback(
      (options?: ReminderOptions) => sendReminder(ctx, item.mailbox, messageId, undefined, options),
      [ctx, item.mailbox, messageId],
    ),
    done.reminded,
  );
  const relay = useAction(
    useCallback(
      (options?: ClaimOptions) => relayToRequester(ctx, item.mailbox, messageId, undefined, options),
      [ctx, item.mailbox, messageId],
    ),
    done.relayed,
  );
  const update = useAction(
    useCallback(
      (changes: CaseChanges) => updateAfterForward(ctx, item.mailbox, messageId, changes),
      [ctx, item.mailbox, messageId],
    ),
    done.updated,
  );
  const cancel = useAction(
    useCallback(
      (reason: string) => cancelCase(ctx, item.mailbox, messageId, reason),
      [ctx, item.mailbox, messageId],
    ),
    done.cancelled,
  );
  const correct = useAction(
    useCallback(
      (note: string) => recordCorrection(ctx, item.mailbox, messageId, note),
      [ctx, item.mailbox, messageId],
    ),
    done.corrected,
  );
  const [text, setText] = useState(item.case.messageText ?? "");
  const saveText = useAction(
    useCallback(
      () => setMessageText(ctx, item.mailbox, messageId, text),
      [ctx, item.mailbox, messageId, text],
    ),
    done.savedText,
  );
  // A received case whose request had no text (typed at creation, or the requester was asked for it).
  const editsText =
    current.state === "received" &&
    (current.messageText !== undefined || current.history.some((h) => h.action === "asked"));
  const { config, now } = useServices();
  // A reminder already went out this business day (urgent: within its reminder hours): another needs a yes.
  const urgentTiming = urgentTimingOf(config);
  const remindedToday = offers(current, "remind")
    ? earlierReminder(current, now(), calendarOf(config), urgentTiming)
    : undefined;
  // An urgent case is worth chasing after a few business hours, not only once it is overdue (issue 13).
  const urgentRemind = urgentReminderDue(current, now(), urgentTiming, calendarOf(config));
  const refused = useRefusedGroups(item.mailbox, current);
  // The mass mail went out although the case was cancelled (the send crossed the cancellation).
  const conflict = sendConflictOf(current);
  // IT's latest answer to a reminder, as IT worded it.
  const itAnswer = answerOfNote(current.history.findLast((h) => h.action === "itAnswered")?.note);
  const busy =
    forward.isRunning ||
    remind.isRunning ||
    update.isRunning ||
    relay.isRunning ||
    cancel.isRunning ||
    correct.isRunning ||
    saveText.isRunning;
  return (
    <section className={styles.root} aria-labelledby="case-title">
      <div className={styles.heading}>
        <Text block as="h2" id="case-title" weight="semibold" size={400}>
          {t("case.title", { id: current.id })}
        </Text>
        <StateBadge state={current.state} />
        {item.overdue && current.state === "forwarded" ? <OverdueBadge /> : null}
        {current.fields.urgency === "urgent" ? <UrgentBadge /> : null}
      </div>
      {item.reconciled.map((r) => (
        <MessageBar key={r} intent="success">
          <MessageBarBody>{t(RECONCILED[r] ?? "case.reconciled.forwardRecovered")}</MessageBarBody>
        </MessageBar>
      ))}
      {notice ? (
        <MessageBar intent="success" role="status">
          <MessageBarBody>{t(notice)}</MessageBarBody>
        </MessageBar>
      ) : null}
      {refused.data && refused.data.length > 0 ? (
        <MessageBar intent="warning" layout="multiline" role="note">
          <MessageBarBody>{t("case.refused", { groups: refused.data.join(", ") })}</MessageBarBody>
        </MessageBar>
      ) : null}
      {conflict ? (
        <MessageBar intent="error" layout="multiline" role="alert">
          <MessageBarBody>
            <MessageBarTitle>
              {t("case.conflict.title", { when: fmt.dateTime(conflict.evidence?.sentAt ?? conflict.at) })}
            </MessageBarTitle>
            {t("case.conflict.body")}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {itAnswer ? (
        <Text role="note">
          {t("case.itAnswer", {
            status: itStatusSentence(lang, itAnswer, config.institution.timeZone),
          })}
        </Text>
      ) : null}
      {showsDueDate(current) ? <Text>{t("case.dueOn", { date: fmt.date(current.dueDate) })}</Text> : null}

      {editsText ? (
        <div className={styles.actions}>
          <Field
            label={t("field.messageText")}
            hint={t("case.messageText.hint", {
              length: fmt.number(text.length),
              max: fmt.number(MAX_MESSAGE_TEXT),
            })}
          >
            <Textarea
              resize="vertical"
              rows={6}
              maxLength={MAX_MESSAGE_TEXT}
              value={text}
              onChange={(_, d) => setText(d.value)}
              data-testid="case-message-text"
            />
          </Field>
          <ActionButton
            action={saveText}
            label={t("act.saveText")}
            runningLabel={t("act.savingText")}
            doneLabel={t("act.savedText")}
            appearance="secondary"
          />
        </div>
      ) : null}
      <div className={styles.actions}>
        {offers(current, "forward") ? (
          <ActionButton
            action={forward}
            onTakeOver={() => void forward.run({ takeOver: true })}
            label={t("act.forward")}
            runningLabel={t("act.forwarding")}
            doneLabel={t("act.forwarded")}
          />
        ) : null}
        {offers(current, "remind") ? (
          <>
            <Text size={200}>{t("act.waitingIt")}</Text>
            {urgentRemind ? (
              <Text size={200} role="note">
                {t("case.urgentRemindDue", { hours: fmt.number(urgentTiming.reminderHours) })}
              </Text>
            ) : null}
            {remindedToday && !remind.isRunning && !remind.error ? (
              <ConfirmDialog
                triggerLabel={t("act.remind")}
                triggerAppearance="secondary"
                disabled={busy}
                title={t("act.remindAgain.title")}
                confirmLabel={t("act.remindAgain.confirm")}
                keepLabel={t("act.remindAgain.keep")}
                onConfirm={() => void remind.run({ confirmSecond: true })}
              >
                {t("act.remindAgain.body", { time: fmt.time(remindedToday.at) })}
              </ConfirmDialog>
            ) : (
              <ActionButton
                action={remind}
                onTakeOver={() =>
                  void remind.run({ takeOver: true, confirmSecond: remindedToday !== undefined })
                }
                appearance={item.overdue || urgentRemind ? "primary" : "secondary"}
                label={t("act.remind")}
                runningLabel={t("act.reminding")}
                doneLabel={t("act.reminded")}
              />
            )}
          </>
        ) : null}
        {offers(current, "update") ? (
          <>
            <UpdateDialog
              caseId={current.id}
              fields={current.fields}
              disabled={busy}
              onConfirm={(changes) => void update.run(changes)}
            />
            {update.isRunning || update.error ? (
              <ActionButton
                action={update}
                label={t("act.update")}
                runningLabel={t("act.updating")}
                doneLabel={t("act.updated")}
                appearance="secondary"
              />
            ) : null}
          </>
        ) : null}
        {offers(current, "relay") ? (
          <ActionButton
            action={relay}
            onTakeOver={() => void relay.run({ takeOver: true })}
            label={t("act.relay")}
            runningLabel={t("act.relaying")}
            doneLabel={t("act.relayed")}
          />
        ) : null}
        {offers(current, "cancel") ? (
          <>
            <CancelDialog
              caseId={current.id}
              disabled={busy}
              notifiesIt={current.state === "forwarded"}
              onConfirm={(reason) => void cancel.run(reason)}
            />
            {cancel.isRunning || cancel.error ? (
              <ActionButton
                action={cancel}
                label={t("act.cancel")}
                runningLabel={t("act.cancelling")}
                doneLabel={t("act.cancelled")}
                appearance="secondary"
              />
            ) : null}
          </>
        ) : null}
        {offers(current, "correct") ? (
          <>
            <CorrectionDialog
              caseId={current.id}
              disabled={busy}
              onConfirm={(note) => void correct.run(note)}
            />
            {correct.isRunning || correct.error ? (
              <ActionButton
                action={correct}
                label={t("act.correct")}
                runningLabel={t("act.correcting")}
                doneLabel={t("act.corrected")}
                appearance="secondary"
              />
            ) : null}
          </>
        ) : null}
      </div>

      <Text block as="h3" weight="semibold">
        {t("case.fields")}
      </Text>
      <CaseFacts
        fields={current.fields}
        requester={current.requester}
        extra={[
          { label: t("case.relayTo"), value: addressText(relayRecipient(current)) },
          ...(current.messageText && !editsText
            ? [
                {
                  label: t("case.messageText"),
                  value: <span style={{ whiteSpace: "pre-wrap" }}>{current.messageText}</span>,
                },
              ]
            : []),
          ...(current.cancelReason ? [{ label: t("case.cancelReason"), value: current.cancelReason }] : []),
        ]}
      />
      {current.state === "received" || current.state === "forwarded" ? (
        <CaseReach fields={current.fields} requester={current.requester} />
      ) : null}

      <Text block as="h3" weight="semibold">
        {t("case.timeline")}
      </Text>
      <Timeline history={current.history} />
    </section>
  );
}
