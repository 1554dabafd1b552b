// The one way the project imports zod. Zod 4 compiles fast validators with `new Function`, which a strict
// Content-Security-Policy (no 'unsafe-eval') reports as a violation even though zod catches the refusal;
// jitless mode validates without generating code, so the production pane runs without a single CSP report.
import { z } from "zod";

z.config({ jitless: true });

export { z };
