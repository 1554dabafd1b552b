// The part of the deployed pane that main.tsx fetches as a chunk of its own, in parallel with Office.js's start
// and the configuration: the pane's frame (header, role, the loading state: the first screen), its production
// services and the configuration error screen. Keeping it out of the entry script lets the entry be parsed and run
// quickly on a slow machine. Only the frame: the role's pane (chunks/communications, chunks/it), the
// Graph side (graphServices.ts), MSAL, zod, the dashboard, the menu and English are further chunks, fetched while
// the frame shows that it is loading or only when used. No zod here: each chunk that brings it switches on its
// CSP-safe mode first (graphServices.ts, taskpane/chunks/).
export { App } from "../taskpane/App";
export { ConfigErrorScreen } from "../taskpane/ConfigErrorScreen";
export { createOfficeServices } from "./officeServices";
