// The sanitizer the add-in injects into extraction, over a jsdom window: the domain itself has no DOM,
// but its tests should see exactly what the pane would.
import path from "node:path";
import type * as JsdomModule from "jsdom";
import { createHtmlSanitizer } from "../../../src/sanitize/sanitizeHtml";

// The project's own jsdom depends on an ESM-only package that Jest's CommonJS runtime cannot require
// before Node 24.9, so these Node-environment tests use the jsdom that Jest's jsdom environment (the
// "dom" project) runs on: the same DOM the sanitizer's own tests see.
const jestJsdomDir = path.dirname(require.resolve("jest-environment-jsdom"));
// eslint-disable-next-line @typescript-eslint/no-require-imports -- resolved at run time, see above
const { JSDOM } = require(require.resolve("jsdom", { paths: [jestJsdomDir] })) as typeof JsdomModule;

export const sanitizeForTests = createHtmlSanitizer(new JSDOM("").window);
