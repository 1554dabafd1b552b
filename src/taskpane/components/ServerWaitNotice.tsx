// "The mail server asked us to wait; retrying in N s" while the Graph adapter honours a Retry-After.
import { MessageBar, MessageBarBody } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import { useI18n } from "../I18nContext";
import { useServices } from "../ServicesContext";

export function ServerWaitNotice() {
  const { t, fmt } = useI18n();
  const { serverWaits } = useServices();
  const [until, setUntil] = useState<number>();
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => serverWaits?.subscribe((ms) => setUntil(Date.now() + ms)), [serverWaits]);
  useEffect(() => {
    if (until === undefined) return;
    const timer = setInterval(() => {
      setNow(Date.now());
      if (Date.now() >= until) setUntil(undefined);
    }, 250);
    return () => clearInterval(timer);
  }, [until]);

  if (until === undefined || until <= now) return null;
  return (
    <MessageBar intent="info" role="status">
      <MessageBarBody>
        {t("wait.retrying", { seconds: fmt.number(Math.ceil((until - now) / 1000)) })}
      </MessageBarBody>
    </MessageBar>
  );
}
