// IT's test send (issue 13): "Send test" mails one copy of the prepared mass mail, marked [PRUEBA]/[TEST], to the
// requester and Communications; then the pane shows who it went to and the requester's answer — approved, or
// the changes they asked for in their own words — looked for in IT's inbox when the pane opens. When the
// configuration requires approval, the reason the send is disabled is said here (id TEST_BLOCK_REASON_ID).
import {
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useCallback, useEffect, useRef } from "react";
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

export function ItTestSend({ item, record, onRecord, disabled }: ItTestSendProps) {
  const styles = useStyles();
  const { t, fmt } = useI18n();
  const ctx = useWorkflow();
  const send = useAction(
    useCallback(() => sendTestMail(ctx, item), [ctx, item]),
    onRecord,
  );
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
  const reply = test ? record.testReply : undefined;
  const blocked = sendBlockedByApproval(ctx, record);
  return (
    <div className={styles.root}>
      {test ? (
        <Text role="status">{t("it.test.sent", { to: test.to.join(", "), at: fmt.dateTime(test.at) })}</Text>
      ) : disabled ? null : (
        <ActionButton
          action={send}
          appearance="secondary"
          label={t("it.test.send")}
          runningLabel={t("it.test.sending")}
          doneLabel={t("it.test.done")}
        />
      )}
      {reply?.verdict === "approved" ? (
        <MessageBar intent="success">
          <MessageBarBody>
            {t("it.test.approved", { by: reply.from, at: fmt.dateTime(reply.at) })}
          </MessageBarBody>
        </MessageBar>
      ) : reply ? (
        <MessageBar intent="warning" layout="multiline" role="note">
          <MessageBarBody>
            <MessageBarTitle>
              {t("it.test.changesAsked", { by: reply.from, at: fmt.dateTime(reply.at) })}
            </MessageBarTitle>
            <Text block className={styles.reply}>
              {reply.text}
            </Text>
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {blocked ? (
        <Text id={TEST_BLOCK_REASON_ID} weight="semibold">
          {t("it.test.needsApproval")}
        </Text>
      ) : null}
    </div>
  );
}
