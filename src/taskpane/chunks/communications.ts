// The "communications" chunk's entry (Pane.tsx): The Communications pane: the workflow, the intake and the record schemas it runs.
// Zod's CSP-safe mode first, before any schema of this chunk is built: the first screen carries no zod at all,
// so the chunk that brings zod switches the mode itself (domain/zodConfig.ts).
import "../../domain/zodConfig";

export { CommunicationsPane } from "../CommunicationsPane";
