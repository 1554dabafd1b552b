// Subject lines: "[CM-2611-7F3K] <what this mail is>: <the request's subject>". The tag leads so that it survives
// clients that truncate long subjects, and so that replies ("RE: [CM-…] …") are matched by case id first.

function singleLine(text: string): string {
  // Control characters (line breaks included) have no place in a subject header.
  return text
    .replace(/\p{Cc}+/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** A case id given as a string, trimmed of brackets and spaces; refused when it could not stand in a tag. */
export function cleanCaseId(caseId: string): string {
  const id = singleLine(caseId).replace(/^\[\s*|\s*\]$/g, "");
  if (id === "" || /[[\]\s]/.test(id))
    throw new RangeError(`Not a usable case id: ${JSON.stringify(caseId)}`);
  return id;
}

/** The bracketed tag for a case id: "[CM-2611-7F3K]". */
export function caseTag(caseId: string): string {
  return `[${cleanCaseId(caseId)}]`;
}

/**
 * `[id] kind: original`, with the original on one line and any copy of this case's tag removed from it, so a
 * subject that already carries the tag (a reply being answered) does not end up with two.
 */
export function taggedSubject(caseId: string, kind: string, original: string): string {
  const tag = caseTag(caseId);
  const withoutTag = singleLine(original.replace(new RegExp(escapeRegExp(tag), "gi"), " "));
  return withoutTag === "" ? `${tag} ${kind}` : `${tag} ${kind}: ${withoutTag}`;
}
