import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { StartupErrorScreen } from "../../src/app/StartupErrorScreen";

describe("StartupErrorScreen", () => {
  it("says what happened in Spanish, with the code and a reload button", async () => {
    const onReload = jest.fn();
    render(
      <StartupErrorScreen
        reason="notOutlook"
        code="officeUnsupported"
        lang="es"
        theme="light"
        onReload={onReload}
      />,
    );
    expect(screen.getByRole("alert").textContent).toContain("Pregón no pudo iniciar");
    expect(screen.getByRole("alert").textContent).toContain("Ábralo desde un mensaje en Outlook");
    screen.getByText("Código: officeUnsupported");
    await userEvent.click(screen.getByRole("button", { name: "Recargar el panel" }));
    expect(onReload).toHaveBeenCalledTimes(1);
  });

  it("speaks English too", () => {
    render(
      <StartupErrorScreen
        reason="officeTimeout"
        code="officeUnsupported"
        lang="en"
        theme="dark"
        onReload={() => undefined}
      />,
    );
    expect(screen.getByRole("alert").textContent).toContain("Outlook did not answer in time");
    screen.getByRole("button", { name: "Reload the pane" });
  });
});
