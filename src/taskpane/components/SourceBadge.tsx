// How sure the extraction is about a field, said in words (colour alone is not enough).
import { Badge } from "@fluentui/react-components";
import type { FieldSource } from "../../domain/intake/types";
import type { MessageKey } from "../../i18n/catalogue";
import { useI18n } from "../I18nContext";

const LOOK: Record<
  FieldSource,
  { color: "success" | "warning" | "informative" | "danger"; key: MessageKey }
> = {
  labelled: { color: "success", key: "source.labelled" },
  inferred: { color: "warning", key: "source.inferred" },
  default: { color: "informative", key: "source.default" },
  missing: { color: "danger", key: "source.missing" },
};

export function SourceBadge({ source }: { source: FieldSource }) {
  const { t } = useI18n();
  const look = LOOK[source];
  return (
    <Badge appearance="tint" color={look.color} shape="rounded" size="small">
      {t(look.key)}
    </Badge>
  );
}
