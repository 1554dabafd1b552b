// While the Graph adapter waits before a retry: "the server asked to wait N s" when its Retry-After was readable,
// or "the server is throttling (or unavailable); the pane waits N s on its own" when it was not (a browser
// cannot read Graph's Retry-After cross-origin, so in Outlook that is the usual case). Below it, what the waiting
// request is for ("to send the mail"), how long it has waited and the most it will, and a button to stop waiting.
import { Button, MessageBar, MessageBarActions, MessageBarBody } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import type { ServerWait } from "../../ports/serverWaits";
import type { MessageKey } from "../../i18n/catalogue";
import { useI18n } from "../I18nContext";
import { useServices } from "../ServicesContext";
import { waitDuration } from "./waitDuration";

function messageKey(wait: ServerWait): MessageKey {
  if (wait.source === "server") return "wait.serverAsked";
  return wait.status === 429 ? "wait.ownThrottled" : "wait.ownUnavailable";
}

interface Current {
  wait: ServerWait;
  startedAt: number;
  until: number;
}

export function ServerWaitNotice() {
  const i18n = useI18n();
  const { t, fmt } = i18n;
  const { serverWaits } = useServices();
  const [current, setCurrent] = useState<Current>();
  const [now, setNow] = useState(() => Date.now());

  useEffect(
    () =>
      serverWaits?.subscribe((wait) => {
        const at = Date.now();
        setNow(at);
        setCurrent({ wait, startedAt: at, until: at + wait.ms });
      }),
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
  const { wait } = current;
  const waited = wait.waitedMs + Math.min(wait.ms, now - current.startedAt);
  return (
    <MessageBar intent="info" role="status" layout="multiline">
      <MessageBarBody>
        {t(messageKey(wait), { seconds: fmt.number(Math.ceil((current.until - now) / 1000)) })}{" "}
        {t("wait.progress", {
          operation: t(`wait.operation.${wait.operation}`),
          waited: waitDuration(waited, i18n),
          budget: waitDuration(wait.budgetMs, i18n),
        })}
      </MessageBarBody>
      {serverWaits ? (
        <MessageBarActions>
          <Button
            size="small"
            onClick={() => {
              serverWaits.stopWaiting();
              setCurrent(undefined);
            }}
          >
            {t("wait.stop")}
          </Button>
        </MessageBarActions>
      ) : null}
    </MessageBar>
  );
}
