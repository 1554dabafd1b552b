import { Badge } from "@fluentui/react-components";
import type { CaseState } from "../../domain/types";
import type { MessageKey } from "../../i18n/catalogue";
import { useI18n } from "../I18nContext";

const LOOK: Record<
  CaseState,
  { key: MessageKey; color: "brand" | "informative" | "success" | "subtle" | "danger" | "warning" }
> = {
  received: { key: "state.received", color: "informative" },
  forwarded: { key: "state.forwarded", color: "brand" },
  sent: { key: "state.sent", color: "warning" },
  confirmed: { key: "state.confirmed", color: "success" },
  closed: { key: "state.closed", color: "subtle" },
  cancelled: { key: "state.cancelled", color: "danger" },
};

export function StateBadge({ state }: { state: CaseState }) {
  const { t } = useI18n();
  const look = LOOK[state];
  return (
    <Badge appearance="filled" color={look.color} size="small">
      {t(look.key)}
    </Badge>
  );
}

export function OverdueBadge() {
  const { t } = useI18n();
  return (
    <Badge appearance="filled" color="danger" size="small">
      {t("case.overdue")}
    </Badge>
  );
}
