// IT's test send (issue 13): "Send test" mails one copy of the prepared mass mail, marked [PRUEBA]/[TEST], to the
// requester and Communications; then the pane shows who it went to and the requester's answer — approved, or
// the changes they asked for in their own words — looked for in IT's inbox when the pane opens. When the
// configuration requires approval, the reason the send is disabled is said here (id TEST_BLOCK_REASON_ID).
// After changes asked, "Send another test" mails the corrected draft as the next round (Prueba 2, 3…); the pane
// then names the round it shows, and only the answer to the latest round can approve the send.
import {
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useCallback, useEffect, useRef } from "react";
import { testRound } from "../../../domain/itLifecycle";
import { MAX_TEST_ROUNDS } from "../../../domain/itRecord";
import type { ItRecord } from "../../../domain/itRecord";
import { findTestReply, sendBlockedByApproval, sendTestMail } from "../../../workflow/it/itActions";
import type { ItOpened } from "../../../workflow/it/openItCase";
import { ActionButton } from "../../components/ActionButton";
import { useI18n } from "../../I18nContext";
import { useAction } from "../../hooks/useAction";
import { useWorkflow } from "../../hooks/useWorkflow";

/** The id of the text that says why the send waits for the requester's approval. */
export const TEST_BLOCK_REASON_ID = "it-test-why";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  reply: { whiteSpace: "pre-wrap" },
});

export interface ItTestSendProps {
  item: Extract<ItOpened, { kind: "itCase" }>;
  record: ItRecord;
  onRecord(record: ItRecord): void;
  /** No test while the case is cancelled or refused (the send itself is refused then). */
  disabled: boolean;
}

/**
 * The button that sends one round of the test. Keyed by the round where it is used, so that each round starts
 * with a fresh button (no "sent" note or error of the round before); a retry resends the same round, which the
 * workflow sends at most once.
 */
function SendRound({
  item,
  round,
  label,
  onRecord,
}: {
  item: ItTestSendProps["item"];
  round: number;
  label: string;
  onRecord(record: ItRecord): void;
}) {
  const { t } = useI18n();
  const ctx = useWorkflow();
  const send = useAction(
    useCallback(() => sendTestMail(ctx, item, { round }), [ctx, item, round]),
    onRecord,
  );
  return (
    <ActionButton
      action={send}
      appearance="secondary"
      label={label}
      runningLabel={t("it.test.sending")}
      doneLabel={t("it.test.done")}
    />
  );
}

export function ItTestSend({ item, record, onRecord, disabled }: ItTestSendProps) {
  const styles = useStyles();
  const { t, fmt } = useI18n();
  const ctx = useWorkflow();
  // The requester's answer, looked for once per opening once a test is out (and after sending one).
  const looked = useRef<string | undefined>(undefined);
  const testAt = record.testSend?.at;
  useEffect(() => {
    if (!testAt || looked.current === testAt) return;
    looked.current = testAt;
    let live = true;
    findTestReply(ctx, item, record).then(
      (r) => {
        if (live && r !== record) onRecord(r);
      },
      () => undefined, // the answer is looked for again on the next opening; the send stays as recorded
    );
    return () => {
      live = false;
    };
  }, [ctx, item, record, testAt, onRecord]);

  const test = record.testSend;
  const round = testRound(record);
  const reply = test ? record.testReply : undefined;
  const replyRound = reply?.round ?? 1;
  const blocked = sendBlockedByApproval(ctx, record);
  // Once there is more than one round, every line says which one it is about.
  const numbered = round > 1;
  const sentLine = test
    ? numbered
      ? t("it.test.sentRound", { round, to: test.to.join(", "), at: fmt.dateTime(test.at) })
      : t("it.test.sent", { to: test.to.join(", "), at: fmt.dateTime(test.at) })
    : "";
  const replyWho: Record<string, string | number> = reply
    ? { by: reply.from, at: fmt.dateTime(reply.at), round: replyRound }
    : {};
  // The corrected draft can go out as the next round once the requester asked for changes to the latest one.
  const another =
    !disabled &&
    record.state === "prepared" &&
    reply?.verdict === "changesAsked" &&
    replyRound === round &&
    round < MAX_TEST_ROUNDS;
  return (
    <div className={styles.root}>
      {test ? (
        <Text role="status">{sentLine}</Text>
      ) : disabled ? null : (
        <SendRound key={1} item={item} round={1} label={t("it.test.send")} onRecord={onRecord} />
      )}
      {reply?.verdict === "approved" ? (
        <MessageBar intent="success">
          <MessageBarBody>
            {t(numbered ? "it.test.approvedRound" : "it.test.approved", replyWho)}
          </MessageBarBody>
        </MessageBar>
      ) : reply ? (
        <MessageBar intent="warning" layout="multiline" role="note">
          <MessageBarBody>
            <MessageBarTitle>
              {t(numbered ? "it.test.changesAskedRound" : "it.test.changesAsked", replyWho)}
            </MessageBarTitle>
            <Text block className={styles.reply}>
              {reply.text}
            </Text>
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {another ? (
        <SendRound
          key={round + 1}
          item={item}
          round={round + 1}
          label={t("it.test.sendAnother")}
          onRecord={onRecord}
        />
      ) : null}
      {blocked ? (
        <Text id={TEST_BLOCK_REASON_ID} weight="semibold">
          {t("it.test.needsApproval")}
        </Text>
      ) : null}
    </div>
  );
}
