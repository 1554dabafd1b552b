// The "naive stack" for `npm run bench`: the hello-world pane plus what a straightforward Outlook add-in loads
// up front — MSAL with nested app authentication and the Microsoft Graph client — all in one script.
import { createNestablePublicClientApplication } from "@azure/msal-browser";
import { Client } from "@microsoft/microsoft-graph-client";
import { Button, FluentProvider, Text, webLightTheme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";

const msal = createNestablePublicClientApplication({
  auth: {
    clientId: "11111111-2222-4333-8444-555555555555",
    authority: "https://login.microsoftonline.com/organizations",
  },
});
const graph = Client.init({
  authProvider: (done) => {
    msal
      .then((app) => app.acquireTokenSilent({ scopes: ["Mail.Read"] }))
      .then((r) => done(null, r.accessToken))
      .catch((e: unknown) => done(e as Error, null));
  },
});

function Hello() {
  return (
    <FluentProvider theme={webLightTheme}>
      <main>
        <Text as="h1" size={500} weight="semibold">
          Hello
        </Text>
        <Button appearance="primary" onClick={() => void graph.api("/me/messages").top(1).get()}>
          OK
        </Button>
      </main>
    </FluentProvider>
  );
}

Office.onReady(() => createRoot(document.getElementById("root")!).render(<Hello />));
