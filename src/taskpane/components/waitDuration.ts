// A wait in words the notice and the error bar share: "36 s", "2 min", "1 min 30 s".
import type { I18n } from "../I18nContext";

export function waitDuration(ms: number, { t, fmt }: Pick<I18n, "t" | "fmt">): string {
  const total = Math.max(0, Math.round(ms / 1000));
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  if (minutes === 0) return t("wait.seconds", { seconds: fmt.number(seconds) });
  if (seconds === 0) return t("wait.minutes", { minutes: fmt.number(minutes) });
  return t("wait.minutesSeconds", { minutes: fmt.number(minutes), seconds: fmt.number(seconds) });
}
