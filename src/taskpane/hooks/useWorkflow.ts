import { useMemo } from "react";
import type { WorkflowContext } from "../../workflow/context";
import { useServices } from "../ServicesContext";
import { yieldToPage } from "./yieldToPage";

/** The workflow's view of the pane's services, for the signed-in user. */
export function useWorkflow(): WorkflowContext {
  const { mail, config, host, now, sanitizeHtml } = useServices();
  return useMemo(
    () => ({ mail, config, user: host.userAddress, now, sanitizeHtml, pause: yieldToPage }),
    [mail, config, host, now, sanitizeHtml],
  );
}
