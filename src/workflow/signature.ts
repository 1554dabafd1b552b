// The office's signature that closes a mail it sends (configuration `signature`, src/config/README.md).
import type { PregonConfig } from "../config/schema";
import type { Lang } from "../domain/types";

/** The signature `office` closes its mails with, in `lang`; undefined when none is configured. */
export function signatureOf(
  config: Pick<PregonConfig, "signature">,
  office: "communications" | "it",
  lang: Lang,
): string | undefined {
  return config.signature?.[office]?.[lang];
}
