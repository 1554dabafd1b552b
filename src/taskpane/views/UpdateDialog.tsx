// "Change date, audiences or text" on a forwarded case: Communications corrects what IT is to send until IT sends.
// The same click sends IT an update notice on the forward's thread (workflow/actions/updateAfterForward.ts). A new
// message text is typed as plain text (paragraphs on blank lines) and travels as HTML; left empty, the text stays.
import { Checkbox, Field, Text, Textarea } from "@fluentui/react-components";
import { useState } from "react";
import { textToHtml } from "../../domain/intake/plainText";
import type { CaseChanges } from "../../domain/lifecycle";
import type { AudienceKey, CaseFields } from "../../domain/types";
import { ConfirmDialog } from "../components/ConfirmDialog";
import { useI18n } from "../I18nContext";
import { useServices } from "../ServicesContext";
import { TypedDateInput } from "../components/TypedDateInput";

export interface UpdateDialogProps {
  caseId: string;
  fields: Pick<CaseFields, "requestedDate" | "audiences">;
  disabled: boolean;
  onConfirm(changes: CaseChanges): void;
}

/** Only what differs from the case goes to IT; the dialog will not confirm without a change or an audience. */
export function UpdateDialog({ caseId, fields, disabled, onConfirm }: UpdateDialogProps) {
  const { t, lang } = useI18n();
  const { config } = useServices();
  const [date, setDate] = useState(fields.requestedDate ?? "");
  const [audiences, setAudiences] = useState<AudienceKey[]>([...fields.audiences]);
  const [text, setText] = useState("");
  const changes: CaseChanges = {};
  if (date !== (fields.requestedDate ?? "")) changes.requestedDate = date === "" ? null : date;
  if ([...audiences].sort().join() !== [...fields.audiences].sort().join()) changes.audiences = audiences;
  if (text.trim() !== "") changes.text = textToHtml(text);
  const toggle = (key: AudienceKey, checked: boolean) =>
    setAudiences((a) => (checked ? [...a.filter((x) => x !== key), key] : a.filter((x) => x !== key)));
  return (
    <ConfirmDialog
      triggerLabel={t("act.update")}
      triggerAppearance="secondary"
      disabled={disabled}
      title={t("act.update.title", { id: caseId })}
      confirmLabel={t("act.update.confirm")}
      keepLabel={t("act.update.keep")}
      canConfirm={Object.keys(changes).length > 0 && audiences.length > 0}
      onConfirm={() => onConfirm(changes)}
    >
      <Text block as="p">
        {t("act.update.notifiesIt")}
      </Text>
      <Field label={t("field.requestedDate")}>
        <TypedDateInput value={date} onChange={setDate} />
      </Field>
      <fieldset style={{ border: "none", padding: 0, margin: 0 }}>
        <legend>
          <Text weight="semibold">{t("field.audiences")}</Text>
        </legend>
        {config.audiences.map((a) => (
          <Checkbox
            key={a.key}
            label={a.label[lang]}
            checked={audiences.includes(a.key)}
            onChange={(_, d) => toggle(a.key, d.checked === true)}
          />
        ))}
      </fieldset>
      <Field label={t("act.update.text")} hint={t("act.update.textHint")}>
        <Textarea value={text} resize="vertical" rows={4} onChange={(_, d) => setText(d.value)} />
      </Field>
    </ConfirmDialog>
  );
}
