// The "it" chunk's entry (Pane.tsx): IT's pane: its workflow and views.
// Zod's CSP-safe mode first, before any schema of this chunk is built: the first screen carries no zod at all,
// so the chunk that brings zod switches the mode itself (domain/zodConfig.ts).
import "../../domain/zodConfig";

export { ItPane } from "../ItPane";
