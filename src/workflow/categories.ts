// Outlook categories mirror a case's state; the labels live in the domain (domain/caseCategory.ts) so the demo's
// seed writes the very same names.
export { stateCategory, withStateCategory, isPregonCategory } from "../domain/caseCategory";
