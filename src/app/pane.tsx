// The part of the deployed pane that main.tsx fetches as a chunk of its own, in parallel with Office.js's start
// and the configuration: the pane itself, its production services (Graph adapter, sign-in) and the
// configuration error screen. Keeping it out of the entry script lets the entry be parsed and run quickly on a
// slow machine; MSAL, the dashboard, IT's views and English are further chunks fetched only when needed.
// Zod's CSP-safe mode before any schema of this chunk exists (the workflow validates case records with zod).
import "../domain/zodConfig";

export { App } from "../taskpane/App";
export { ConfigErrorScreen } from "../taskpane/ConfigErrorScreen";
export { createOfficeServices } from "./officeServices";
