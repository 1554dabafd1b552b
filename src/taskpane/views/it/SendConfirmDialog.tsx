// The mass mail goes out only after a confirmation that states the groups and the total number of recipients.
// When the requested date and time is still ahead, the dialog offers scheduling for then first (the default) and
// "send now" second; sending now before the requested time needs a reason (the confirm button waits for it).
// It names the sender (name and address) the mass mail goes out as, and warns when Exchange refused it before.
import { Field, Radio, RadioGroup, Text, Textarea } from "@fluentui/react-components";
import { useState } from "react";
import { findHeavySend } from "../../../domain/policy";
import type { PolicyWarning, WeightItem } from "../../../domain/policy";
import type { Instant, MailAddress } from "../../../domain/types";
import type { SendWhen } from "../../../workflow/it/itActions";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { ContentFindings } from "../../components/ContentFindings";
import { useI18n } from "../../I18nContext";
import { mailboxText } from "./mailboxText";

export interface SendConfirmDialogProps {
  subject: string;
  groups: string[];
  total: number;
  disabled: boolean;
  /** When the requester asked the mass mail to go out, if that is still ahead (then scheduling is the default). */
  requestedFor?: Instant;
  /** Who the mass mail goes out as (the draft's sender). */
  sender?: MailAddress;
  /** When Exchange refused to send as that sender before (a remembered refusal), if it did. */
  refusedAt?: Instant;
  /** The id of the text that says why Send is disabled (the cancellation), if it is. */
  describedBy?: string;
  /** What one copy of the mail carries; with `total` it says whether the send is heavy (a warning, never a block). */
  weight?: readonly WeightItem[];
  onConfirm(when: SendWhen): void;
}

export function SendConfirmDialog({
  subject,
  groups,
  total,
  disabled,
  requestedFor,
  sender,
  refusedAt,
  describedBy,
  weight = [],
  onConfirm,
}: SendConfirmDialogProps) {
  const { t, fmt } = useI18n();
  const [choice, setChoice] = useState<"scheduled" | "now">("scheduled");
  const [reason, setReason] = useState("");
  const schedulable = requestedFor !== undefined;
  const scheduling = schedulable && choice === "scheduled";
  const needsReason = schedulable && choice === "now";
  const groupList = groups.join(", ");
  // The weight of the send is judged here, where the total recipients is known: size × recipients in GB.
  const heavy = findHeavySend(weight, total);
  const weightFindings: PolicyWarning[] = heavy ? [{ code: "heavySend", ...heavy }] : [];
  const from = sender ? (
    <>
      <Text block weight="semibold">
        {t("it.sendConfirmFrom", { sender: mailboxText(sender) })}
      </Text>
      {refusedAt ? (
        <Text block role="alert">
          {t("it.sendConfirmRefused", { at: fmt.dateTime(refusedAt) })}
        </Text>
      ) : null}
    </>
  ) : null;
  return (
    <ConfirmDialog
      triggerLabel={schedulable ? t("it.scheduleSend") : t("it.sendNow")}
      disabled={disabled}
      triggerDescribedBy={describedBy}
      title={t("it.sendConfirmTitle", { total: fmt.number(total) })}
      confirmLabel={scheduling ? t("it.scheduleConfirm") : t("it.sendConfirm")}
      keepLabel={t("it.sendCancel")}
      canConfirm={!needsReason || reason.trim() !== ""}
      modalType="alert"
      onConfirm={() =>
        onConfirm(
          scheduling
            ? { mode: "scheduled" }
            : needsReason
              ? { mode: "now", earlyReason: reason.trim() }
              : { mode: "now" },
        )
      }
    >
      {from}
      <ContentFindings findings={weightFindings} label={t("it.sendConfirmWeight")} />
      {schedulable ? (
        <>
          <Field label={t("it.sendChoiceLabel")}>
            <RadioGroup
              value={choice}
              onChange={(_, d) => setChoice(d.value === "now" ? "now" : "scheduled")}
            >
              <Radio
                value="scheduled"
                label={t("it.scheduleFor", { when: fmt.weekdayDateTime(requestedFor) })}
              />
              <Radio value="now" label={t("it.sendNowChoice")} />
            </RadioGroup>
          </Field>
          {needsReason ? (
            <Field label={t("it.earlyReasonLabel")} required>
              <Textarea value={reason} onChange={(_, d) => setReason(d.value)} />
            </Field>
          ) : null}
          <Text block>
            {scheduling
              ? `${t("it.scheduleConfirmBody", { subject, groups: groupList })} ${t("it.scheduleHint")}`
              : t("it.sendConfirmBody", { subject, groups: groupList })}
          </Text>
        </>
      ) : (
        <Text block>{t("it.sendConfirmBody", { subject, groups: groupList })}</Text>
      )}
    </ConfirmDialog>
  );
}
