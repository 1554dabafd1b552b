import { useState } from "react";
import type { OpenedItem } from "../../workflow/openItem";
import { CaseView } from "./CaseView";
import { CitedCasesView } from "./CitedCasesView";
import { ForgedView } from "./ForgedView";
import { OtherView } from "./OtherView";
import { RequestView } from "./RequestView";
import { UnreadableView } from "./UnreadableView";

export interface ItemViewProps {
  item: OpenedItem;
  onReload(): void;
  onOpenDashboard(): void;
}

export function ItemView({ item, onReload, onOpenDashboard }: ItemViewProps) {
  const [treatAsRequest, setTreatAsRequest] = useState(false);
  switch (item.kind) {
    case "request":
      return item.likelyRequest || treatAsRequest ? (
        <RequestView item={item} onCreated={onReload} />
      ) : (
        <OtherView onOpenDashboard={onOpenDashboard} onTreatAsRequest={() => setTreatAsRequest(true)} />
      );
    case "case":
      return <CaseView item={item} />;
    case "unreadable":
      return <UnreadableView item={item} onReload={onReload} onOpenDashboard={onOpenDashboard} />;
    case "forged":
      return <ForgedView item={item} />;
    case "other":
      return <OtherView onOpenDashboard={onOpenDashboard} caseId={item.caseId} />;
    case "ambiguous":
      return <CitedCasesView item={item} onOpenDashboard={onOpenDashboard} />;
  }
}
