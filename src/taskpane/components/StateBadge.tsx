import { Badge } from "@fluentui/react-components";
import type { ItState } from "../../domain/itRecord";
import type { CaseState } from "../../domain/types";
import type { MessageKey } from "../../i18n/catalogue";
import { useI18n } from "../I18nContext";

type Look = { key: MessageKey; color: "brand" | "informative" | "success" | "subtle" | "danger" | "warning" };

const LOOK: Record<CaseState, Look> = {
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

/** IT's step on a case, in the same colours as the case's state where the meaning is the same. */
const IT_LOOK: Record<ItState, Look> = {
  received: { key: "it.state.received", color: "informative" },
  prepared: { key: "it.state.prepared", color: "brand" },
  sent: { key: "it.state.sent", color: "warning" },
  confirmed: { key: "it.state.confirmed", color: "success" },
  refused: { key: "it.state.refused", color: "danger" },
  cancelled: { key: "it.state.cancelled", color: "subtle" },
};

/** `scheduled`: sent to Exchange and held until the requested time (deferred delivery), not yet out. */
export function ItStateBadge({ state, scheduled = false }: { state: ItState; scheduled?: boolean }) {
  const { t } = useI18n();
  const look: Look = scheduled ? { key: "it.stateScheduled", color: "informative" } : IT_LOOK[state];
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

/** Issue 13: an urgent case, on the case, the dashboards' rows and IT's case view. */
export function UrgentBadge() {
  const { t } = useI18n();
  return (
    <Badge appearance="filled" color="important" size="small">
      {t("case.urgent")}
    </Badge>
  );
}
