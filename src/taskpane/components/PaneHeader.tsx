// The pane's header: name, role, the way back from a view over the message, and the menu (Diagnostics).
import {
  Button,
  Menu,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useI18n } from "../I18nContext";

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

export function PaneHeader({ role, subviewOpen, onBack, onDiagnostics }: PaneHeaderProps) {
  const styles = useStyles();
  const { t } = useI18n();
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
        {onDiagnostics ? (
          <Menu>
            <MenuTrigger disableButtonEnhancement>
              <Button appearance="subtle" aria-label={t("nav.menu")} title={t("nav.menu")}>
                <span aria-hidden="true">⋯</span>
              </Button>
            </MenuTrigger>
            <MenuPopover>
              <MenuList>
                <MenuItem onClick={onDiagnostics}>{t("nav.diagnostics")}</MenuItem>
              </MenuList>
            </MenuPopover>
          </Menu>
        ) : null}
      </div>
    </header>
  );
}
