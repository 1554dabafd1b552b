// The reference pane for `npm run bench`: a hello-world Fluent UI v9 task pane, built with the same webpack
// settings as Pregón, so its size and first-screen time are the floor any Fluent pane pays.
import { Button, FluentProvider, Text, webLightTheme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";

function Hello() {
  return (
    <FluentProvider theme={webLightTheme}>
      <main>
        <Text as="h1" size={500} weight="semibold">
          Hello
        </Text>
        <Button appearance="primary">OK</Button>
      </main>
    </FluentProvider>
  );
}

Office.onReady(() => createRoot(document.getElementById("root")!).render(<Hello />));
