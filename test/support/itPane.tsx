// IT's pane in jsdom on the forward of a case, as IT sees it after selecting that forward in its inbox: the real
// App against the world's emulated mailbox, light theme, on a client that cannot open drafts (support/host).
import { render } from "@testing-library/react";
import type { PregonConfig } from "../../src/config/schema";
import { sanitizeHtml } from "../../src/sanitize/sanitizeHtml";
import { App } from "../../src/taskpane/App";
import { stubHost } from "./host";
import { forwardInItInbox } from "./procedure";
import type { World } from "./world";
import { IT } from "./world";

export interface ItPaneOptions {
  /** Outlook's display language (default es-CO). */
  lang?: string;
  /** The configuration the pane runs with (default the world's). */
  config?: PregonConfig;
}

export function renderItForward(w: World, caseId: string, options: ItPaneOptions = {}) {
  const forward = forwardInItInbox(w, caseId);
  return render(
    <App
      services={{
        host: stubHost(w.it.select(forward.id, forward.subject), IT, options.lang),
        mail: w.it.ctx.mail,
        config: options.config ?? w.config,
        sanitizeHtml,
        now: () => w.clock.now(),
      }}
    />,
  );
}
