import { Field, Text, Textarea } from "@fluentui/react-components";
import { useState } from "react";
import { ConfirmDialog } from "../components/ConfirmDialog";
import { useI18n } from "../I18nContext";

export interface CancelDialogProps {
  caseId: string;
  disabled: boolean;
  /** The case was forwarded: the same click sends IT a cancellation notice (workflow/actions/cancelCase.ts). */
  notifiesIt: boolean;
  onConfirm(reason: string): void;
}

/** Cancelling needs a reason; the dialog will not confirm without one. */
export function CancelDialog({ caseId, disabled, notifiesIt, onConfirm }: CancelDialogProps) {
  const { t } = useI18n();
  const [reason, setReason] = useState("");
  return (
    <ConfirmDialog
      triggerLabel={t("act.cancel")}
      triggerAppearance="secondary"
      disabled={disabled}
      title={t("act.cancel.title", { id: caseId })}
      confirmLabel={t("act.cancel.confirm")}
      keepLabel={t("act.cancel.keep")}
      canConfirm={reason.trim() !== ""}
      onConfirm={() => onConfirm(reason.trim())}
    >
      {notifiesIt ? (
        <Text block as="p">
          {t("act.cancel.notifiesIt")}
        </Text>
      ) : null}
      <Field label={t("act.cancel.reasonLabel")} required>
        <Textarea value={reason} onChange={(_, d) => setReason(d.value)} />
      </Field>
    </ConfirmDialog>
  );
}
