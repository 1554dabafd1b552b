// The pane's header: name, role, the way back from a view over the message, and the menu (Diagnostics).
import { Button, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import type { ComponentType } from "react";
import { useI18n } from "../I18nContext";
import type { PaneMenuProps } from "./PaneMenu";

// The menu itself is fetched when the person points at, focuses or clicks its button (PaneMenu.tsx).
const loadMenu = () => import(/* webpackChunkName: "pane-menu" */ "./PaneMenu");

const useStyles = makeStyles({
  header: {
    display: "flex",
    alignItems: "center",
    justifyContent: "space-between",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    paddingBottom: tokens.spacingVerticalS,
  },
  role: { color: tokens.colorNeutralForeground3 },
  actions: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalXS },
});

export interface PaneHeaderProps {
  role: string;
  /** A view over the message (dashboard, diagnostics) is open: offer the way back. */
  subviewOpen: boolean;
  onBack(): void;
  /** Opens Diagnostics; no menu entry without it. */
  onDiagnostics?: () => void;
}

/** The menu's button before its chunk is wanted: the same look; pointing at or focusing it fetches the menu. */
function MenuPlaceholder({ label, onOpen }: { label: string; onOpen(): void }) {
  const prefetch = () => void loadMenu().catch(() => undefined);
  return (
    <Button
      appearance="subtle"
      aria-label={label}
      title={label}
      aria-haspopup="menu"
      aria-expanded={false}
      onPointerEnter={prefetch}
      onFocus={prefetch}
      onClick={onOpen}
    >
      <span aria-hidden="true">⋯</span>
    </Button>
  );
}

export function PaneHeader({ role, subviewOpen, onBack, onDiagnostics }: PaneHeaderProps) {
  const styles = useStyles();
  const { t } = useI18n();
  // The menu component once its chunk is here; until then a button that looks the same. A chunk that cannot be
  // fetched leaves that button, and the next click tries again.
  const [LoadedMenu, setLoadedMenu] = useState<ComponentType<PaneMenuProps> | null>(null);
  const openMenu = () =>
    void loadMenu().then(
      (m) => setLoadedMenu(() => m.PaneMenu),
      () => undefined,
    );
  return (
    <header className={styles.header}>
      <div>
        <Text block as="h1" weight="semibold" size={500}>
          {t("app.title")}
        </Text>{" "}
        <Text size={200} className={styles.role}>
          {role}
        </Text>
      </div>
      <div className={styles.actions}>
        {subviewOpen ? (
          <Button appearance="transparent" onClick={onBack}>
            {t("nav.back")}
          </Button>
        ) : null}
        {onDiagnostics && LoadedMenu ? (
          <LoadedMenu
            label={t("nav.menu")}
            diagnostics={t("nav.diagnostics")}
            onDiagnostics={onDiagnostics}
            defaultOpen
          />
        ) : onDiagnostics ? (
          <MenuPlaceholder label={t("nav.menu")} onOpen={openMenu} />
        ) : null}
      </div>
    </header>
  );
}
