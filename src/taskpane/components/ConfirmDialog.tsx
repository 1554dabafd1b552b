// A button that opens a dialog asking to confirm; the action runs only on the dialog's confirm button.
// Used where a click must not act at once: cancelling a case (needs a reason) and sending the mass mail.
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
import type { ButtonProps } from "@fluentui/react-components";
import { useState } from "react";
import type { ReactNode } from "react";

export interface ConfirmDialogProps {
  triggerLabel: string;
  triggerAppearance?: ButtonProps["appearance"];
  disabled: boolean;
  /** The id of the text that says why the trigger is disabled (read with the button by a screen reader). */
  triggerDescribedBy?: string;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  keepLabel: string;
  /** False while the dialog's own input is incomplete (e.g. no reason yet). */
  canConfirm?: boolean;
  /** "alert" for an action that cannot be undone: the dialog does not close on an outside click. */
  modalType?: "modal" | "alert";
  onConfirm(): void;
}

export function ConfirmDialog(props: ConfirmDialogProps) {
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={(_, d) => setOpen(d.open)} modalType={props.modalType ?? "modal"}>
      <DialogTrigger disableButtonEnhancement>
        <Button
          appearance={props.triggerAppearance ?? "primary"}
          disabled={props.disabled}
          aria-describedby={props.triggerDescribedBy}
        >
          {props.triggerLabel}
        </Button>
      </DialogTrigger>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{props.title}</DialogTitle>
          <DialogContent>{props.children}</DialogContent>
          <DialogActions>
            <DialogTrigger disableButtonEnhancement>
              <Button appearance="secondary">{props.keepLabel}</Button>
            </DialogTrigger>
            <Button
              appearance="primary"
              disabled={props.canConfirm === false}
              onClick={() => {
                setOpen(false);
                props.onConfirm();
              }}
            >
              {props.confirmLabel}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
