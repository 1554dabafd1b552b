// While the Graph adapter waits before a retry: "the server asked to wait N s" when its Retry-After was readable,
// or "the server is throttling (or unavailable); the pane waits N s on its own" when it was not (a browser
// cannot read Graph's Retry-After cross-origin, so in Outlook that is the usual case).
import { MessageBar, MessageBarBody } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import type { ServerWait } from "../../ports/serverWaits";
import type { MessageKey } from "../../i18n/catalogue";
import { useI18n } from "../I18nContext";
import { useServices } from "../ServicesContext";

function messageKey(wait: ServerWait): MessageKey {
  if (wait.source === "server") return "wait.serverAsked";
  return wait.status === 429 ? "wait.ownThrottled" : "wait.ownUnavailable";
}

export function ServerWaitNotice() {
  const { t, fmt } = useI18n();
  const { serverWaits } = useServices();
  const [current, setCurrent] = useState<{ until: number; key: MessageKey }>();
  const [now, setNow] = useState(() => Date.now());

  useEffect(
    () =>
      serverWaits?.subscribe((wait) => setCurrent({ until: Date.now() + wait.ms, key: messageKey(wait) })),
    [serverWaits],
  );
  useEffect(() => {
    if (current === undefined) return;
    const timer = setInterval(() => {
      setNow(Date.now());
      if (Date.now() >= current.until) setCurrent(undefined);
    }, 250);
    return () => clearInterval(timer);
  }, [current]);

  if (current === undefined || current.until <= now) return null;
  return (
    <MessageBar intent="info" role="status">
      <MessageBarBody>
        {t(current.key, { seconds: fmt.number(Math.ceil((current.until - now) / 1000)) })}
      </MessageBarBody>
    </MessageBar>
  );
}
