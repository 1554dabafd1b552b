import type { PregonConfig } from "../config/schema";
import type { AudienceLabel } from "../domain/templates";

export function audienceLabels(config: PregonConfig): AudienceLabel[] {
  return config.audiences.map((a) => ({ key: a.key, labelEs: a.label.es, labelEn: a.label.en }));
}
