// Zod 4 compiles fast validators with `new Function`, which a strict Content-Security-Policy (no
// 'unsafe-eval') reports as a violation even though zod catches the refusal. Jitless mode validates without
// generating code. Imported first by each entry point (pane, dialog, demo), before any schema is used.
import { config } from "zod/v4/core";

config({ jitless: true });
