// On a reminder in IT's pane: "Answer with status" — one click replies to Communications with where the case
// stands (workflow/it/answerReminder.ts). Once per reminder: an answered reminder shows when and who instead.
import { MessageBar, MessageBarBody, Text } from "@fluentui/react-components";
import { useCallback, useState } from "react";
import type { AnswerRecord } from "../../../domain/itStatus";
import type { ItRecord } from "../../../domain/itRecord";
import { itStatusSentence } from "../../../domain/templates";
import { answerRecordOf, answerReminder, itStatusNow } from "../../../workflow/it/answerReminder";
import type { ItOpened } from "../../../workflow/it/openItCase";
import { ActionButton } from "../../components/ActionButton";
import { useI18n } from "../../I18nContext";
import { useServices } from "../../ServicesContext";
import { useAction } from "../../hooks/useAction";
import { useWorkflow } from "../../hooks/useWorkflow";

export interface ItAnswerReminderProps {
  item: Extract<ItOpened, { kind: "itCase" }>;
  record: ItRecord;
}

function initialAnswer(item: ItAnswerReminderProps["item"]): AnswerRecord | undefined {
  try {
    return item.openedCaseProps
      ? answerRecordOf(
          { caseProps: item.openedCaseProps } as Parameters<typeof answerRecordOf>[0],
          item.summary.id,
        )
      : undefined;
  } catch {
    return undefined;
  }
}

export function ItAnswerReminder({ item, record }: ItAnswerReminderProps) {
  const { t, fmt, lang } = useI18n();
  const { config } = useServices();
  const ctx = useWorkflow();
  const [answer, setAnswer] = useState<AnswerRecord | undefined>(() => initialAnswer(item));
  const action = useAction(
    useCallback((options?: { takeOver?: boolean }) => answerReminder(ctx, item, options), [ctx, item]),
    setAnswer,
  );
  if (item.openedKind !== "reminder") return null;
  const answered = answer?.answered;
  if (answered)
    return (
      <MessageBar intent="success" role="status">
        <MessageBarBody>
          {t("it.answer.already", { when: fmt.dateTime(answered.at), who: answered.by })}
        </MessageBarBody>
      </MessageBar>
    );
  const status = itStatusNow(ctx, record, item.summary);
  return (
    <>
      <Text>
        {t("it.answer.preview", { status: itStatusSentence(lang, status, config.institution.timeZone) })}
      </Text>
      <ActionButton
        action={action}
        onTakeOver={() => void action.run({ takeOver: true })}
        appearance="secondary"
        label={t("it.answer")}
        runningLabel={t("it.answering")}
        doneLabel={t("it.answered")}
      />
    </>
  );
}
