// The "diagnostics" chunk's entry (Pane.tsx): Diagnostics: the tenant self-check.
// Zod's CSP-safe mode first, before any schema of this chunk is built: the first screen carries no zod at all,
// so the chunk that brings zod switches the mode itself (domain/zodConfig.ts).
import "../../domain/zodConfig";

export { DiagnosticsView } from "../views/DiagnosticsView";
