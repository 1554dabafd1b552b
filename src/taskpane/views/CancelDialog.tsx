import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  Field,
  Textarea,
} from "@fluentui/react-components";
import { useState } from "react";
import { useI18n } from "../I18nContext";

export interface CancelDialogProps {
  caseId: string;
  disabled: boolean;
  onConfirm(reason: string): void;
}

/** Cancelling needs a reason; the dialog will not confirm without one. */
export function CancelDialog({ caseId, disabled, onConfirm }: CancelDialogProps) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  return (
    <Dialog open={open} onOpenChange={(_, d) => setOpen(d.open)}>
      <DialogTrigger disableButtonEnhancement>
        <Button appearance="secondary" disabled={disabled}>
          {t("act.cancel")}
        </Button>
      </DialogTrigger>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{t("act.cancel.title", { id: caseId })}</DialogTitle>
          <DialogContent>
            <Field label={t("act.cancel.reasonLabel")} required>
              <Textarea value={reason} onChange={(_, d) => setReason(d.value)} />
            </Field>
          </DialogContent>
          <DialogActions>
            <DialogTrigger disableButtonEnhancement>
              <Button appearance="secondary">{t("act.cancel.keep")}</Button>
            </DialogTrigger>
            <Button
              appearance="primary"
              disabled={reason.trim() === ""}
              onClick={() => {
                setOpen(false);
                onConfirm(reason.trim());
              }}
            >
              {t("act.cancel.confirm")}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
