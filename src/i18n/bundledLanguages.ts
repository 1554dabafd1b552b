// Both languages in memory from the start, for pages that switch language on the fly (the demo, the sign-in
// dialog) and for the tests. The deployed pane does not import this: it fetches English only when needed.
import { en } from "./en";
import { provideLanguage } from "./languages";

provideLanguage("en", en);
