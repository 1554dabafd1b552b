import { Field, Text, Textarea } from "@fluentui/react-components";
import { useState } from "react";
import { ConfirmDialog } from "../components/ConfirmDialog";
import { useI18n } from "../I18nContext";

export interface CorrectionDialogProps {
  caseId: string;
  disabled: boolean;
  onConfirm(note: string): void;
}

/** A correction on a case whose mass mail went out: a required note, kept in the case's history. */
export function CorrectionDialog({ caseId, disabled, onConfirm }: CorrectionDialogProps) {
  const { t } = useI18n();
  const [note, setNote] = useState("");
  return (
    <ConfirmDialog
      triggerLabel={t("act.correct")}
      triggerAppearance="secondary"
      disabled={disabled}
      title={t("act.correct.title", { id: caseId })}
      confirmLabel={t("act.correct.confirm")}
      keepLabel={t("act.correct.keep")}
      canConfirm={note.trim() !== ""}
      onConfirm={() => {
        onConfirm(note.trim());
        setNote("");
      }}
    >
      <Text block as="p">
        {t("act.correct.body")}
      </Text>
      <Field label={t("act.correct.noteLabel")} required>
        <Textarea value={note} onChange={(_, d) => setNote(d.value)} />
      </Field>
    </ConfirmDialog>
  );
}
