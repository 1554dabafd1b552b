// "Send now" only after a confirmation that states the groups and the total number of recipients.
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
} from "@fluentui/react-components";
import { useState } from "react";
import { useI18n } from "../../I18nContext";

export interface SendConfirmDialogProps {
  subject: string;
  groups: string[];
  total: number;
  disabled: boolean;
  onConfirm(): void;
}

export function SendConfirmDialog({ subject, groups, total, disabled, onConfirm }: SendConfirmDialogProps) {
  const { t, fmt } = useI18n();
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={(_, d) => setOpen(d.open)} modalType="alert">
      <DialogTrigger disableButtonEnhancement>
        <Button appearance="primary" disabled={disabled}>
          {t("it.sendNow")}
        </Button>
      </DialogTrigger>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{t("it.sendConfirmTitle", { total: fmt.number(total) })}</DialogTitle>
          <DialogContent>{t("it.sendConfirmBody", { subject, groups: groups.join(", ") })}</DialogContent>
          <DialogActions>
            <DialogTrigger disableButtonEnhancement>
              <Button appearance="secondary">{t("it.sendCancel")}</Button>
            </DialogTrigger>
            <Button
              appearance="primary"
              onClick={() => {
                setOpen(false);
                onConfirm();
              }}
            >
              {t("it.sendConfirm")}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
