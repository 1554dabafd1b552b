// The facts of a case as a definition list; the Communications and IT panes show the same thing the same way.
import { makeStyles, tokens } from "@fluentui/react-components";
import type { ReactNode } from "react";
import type { CaseFields, DateOnly, MailAddress } from "../../domain/types";
import { useI18n } from "../I18nContext";
import { useServices } from "../ServicesContext";

const useStyles = makeStyles({
  // Label above value: reads the same at 320 px and at 450 px, and long unit names never squeeze a column.
  facts: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    margin: 0,
    "& dt": {
      fontSize: tokens.fontSizeBase200,
      color: tokens.colorNeutralForeground3,
      marginTop: tokens.spacingVerticalXS,
    },
    "& dd": { margin: 0, overflowWrap: "anywhere" },
  },
});

export interface CaseFactsProps {
  fields: Omit<CaseFields, "attachmentIds">;
  requester: MailAddress;
  dueDate?: DateOnly;
  /** Extra rows after the standard ones (e.g. the cancellation reason). */
  extra?: { label: string; value: ReactNode }[];
}

export function CaseFacts({ fields, requester, dueDate, extra = [] }: CaseFactsProps) {
  const styles = useStyles();
  const { t, fmt, lang } = useI18n();
  const { config } = useServices();
  const audienceNames = fields.audiences
    .map((key) => config.audiences.find((a) => a.key === key)?.label[lang] ?? key)
    .join(", ");
  const rows: { label: string; value: ReactNode }[] = [
    {
      label: t("case.requester"),
      value: requester.name ? `${requester.name} <${requester.address}>` : requester.address,
    },
    { label: t("field.requestingUnit"), value: fields.requestingUnit },
    { label: t("field.desiredSender"), value: fields.desiredSender },
    { label: t("field.subject"), value: fields.subject },
    { label: t("field.audiences"), value: audienceNames },
    {
      label: t("field.requestedDate"),
      value: fields.requestedDate ? fmt.date(fields.requestedDate) : t("case.noDate"),
    },
    ...(dueDate ? [{ label: t("field.dueDate"), value: fmt.date(dueDate) }] : []),
    {
      label: t("field.urgency"),
      value: fields.urgency === "urgent" ? t("field.urgency.urgent") : t("field.urgency.normal"),
    },
    ...extra,
  ];
  return (
    <dl className={styles.facts}>
      {rows.map((r) => (
        <div key={r.label}>
          <dt>{r.label}</dt>
          <dd>{r.value}</dd>
        </div>
      ))}
    </dl>
  );
}
