// Whether a message without a case looks like a mass-mail request. The pane offers "Create case" on such
// messages and a short explanation on the rest; a wrong "no" is cheap because the explanation view still lets the
// professional treat the message as a request.
import { fold } from "./intake/fold";
import type { RequestProposal } from "./intake/types";

const REQUEST_WORDS = [
  "masivo",
  "masiva",
  "divulgar",
  "divulgacion",
  "difusion",
  "difundir",
  "toda la comunidad",
  "mass email",
  "mass e-mail",
  "mass mail",
  "bulk email",
  "send the following",
];

export function looksLikeRequest(subject: string, proposal: RequestProposal): boolean {
  const labelled = [
    proposal.desiredSender,
    proposal.subject,
    proposal.message,
    proposal.audiences,
    proposal.requestedDate,
  ].filter((f) => f.source === "labelled").length;
  if (labelled >= 2) return true;
  if (proposal.audiences.source !== "missing") return true;
  const words = fold(subject);
  return REQUEST_WORDS.some((w) => words.includes(w));
}
