// The pane's "⋯" menu, a chunk of its own (PaneHeader.tsx): Fluent's Menu brings tabster, positioning and motion,
// about a fifth of what the first screen would otherwise fetch, for a menu most people never open.
import { Button, Menu, MenuItem, MenuList, MenuPopover, MenuTrigger } from "@fluentui/react-components";

export interface PaneMenuProps {
  label: string;
  diagnostics: string;
  onDiagnostics(): void;
  /** Open at once: the person clicked the placeholder button while this chunk was arriving. */
  defaultOpen: boolean;
}

export function PaneMenu({ label, diagnostics, onDiagnostics, defaultOpen }: PaneMenuProps) {
  return (
    <Menu defaultOpen={defaultOpen}>
      <MenuTrigger disableButtonEnhancement>
        <Button appearance="subtle" aria-label={label} title={label}>
          <span aria-hidden="true">⋯</span>
        </Button>
      </MenuTrigger>
      <MenuPopover>
        <MenuList>
          <MenuItem onClick={onDiagnostics}>{diagnostics}</MenuItem>
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}
