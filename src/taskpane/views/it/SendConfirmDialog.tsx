// "Send now" only after a confirmation that states the groups and the total number of recipients.
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { useI18n } from "../../I18nContext";

export interface SendConfirmDialogProps {
  subject: string;
  groups: string[];
  total: number;
  disabled: boolean;
  /** The id of the text that says why Send is disabled (the cancellation), if it is. */
  describedBy?: string;
  onConfirm(): void;
}

export function SendConfirmDialog({
  subject,
  groups,
  total,
  disabled,
  describedBy,
  onConfirm,
}: SendConfirmDialogProps) {
  const { t, fmt } = useI18n();
  return (
    <ConfirmDialog
      triggerLabel={t("it.sendNow")}
      disabled={disabled}
      triggerDescribedBy={describedBy}
      title={t("it.sendConfirmTitle", { total: fmt.number(total) })}
      confirmLabel={t("it.sendConfirm")}
      keepLabel={t("it.sendCancel")}
      modalType="alert"
      onConfirm={onConfirm}
    >
      {t("it.sendConfirmBody", { subject, groups: groups.join(", ") })}
    </ConfirmDialog>
  );
}
