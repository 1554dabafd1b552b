// The one way the project imports zod (see zodConfig.ts for the CSP-safe mode the entry points switch on).
export { z } from "zod";
