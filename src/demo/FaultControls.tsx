// Fault injection from the demo page: the same rules tests use, one click each.
import { Button, Menu, MenuItem, MenuList, MenuPopover, MenuTrigger, Text } from "@fluentui/react-components";
import { useState } from "react";
import type { Tenant } from "../emulator";
import { activeRulesLabel } from "./demoStrings";
import type { DemoStrings } from "./demoStrings";

/** How late the Sent Items copy of a send may be filed (the tenant's default is strict: 2 s). */
const SENT_ITEMS_DELAYS_S = [0, 2, 5, 20] as const;

/** Sends, forwards and replies: the non-idempotent calls a dropped connection makes ambiguous. */
const SEND_URL = /\/(send|forward|reply|sendMail)$/;

export interface FaultControlsProps {
  tenant: Tenant;
  strings: DemoStrings;
  onChange(): void;
}

export function FaultControls({ tenant, strings, onChange }: FaultControlsProps) {
  const [count, setCount] = useState(() => tenant.faults.list().length);
  const [sentLateMs, setSentLateMs] = useState(() => tenant.sentItems.delayMs);
  const changed = () => {
    setCount(tenant.faults.list().length);
    onChange();
  };
  return (
    <Menu>
      <MenuTrigger disableButtonEnhancement>
        <Button>
          {strings.faults}
          {count > 0 ? ` (${activeRulesLabel(strings, count)})` : ""}
        </Button>
      </MenuTrigger>
      <MenuPopover>
        <MenuList>
          <MenuItem
            onClick={() => {
              tenant.faults.add({
                url: "/v1.0/",
                effect: { kind: "throttle", retryAfterSeconds: 2 },
                times: 3,
                label: "429",
              });
              changed();
            }}
          >
            {strings.faultThrottle}
          </MenuItem>
          <MenuItem
            onClick={() => {
              tenant.faults.add({
                method: "POST",
                url: SEND_URL,
                effect: { kind: "unavailable" },
                times: 1,
                label: "503",
              });
              changed();
            }}
          >
            {strings.faultUnavailable}
          </MenuItem>
          <MenuItem
            onClick={() => {
              tenant.faults.add({
                method: "POST",
                url: SEND_URL,
                effect: { kind: "failAfterEffect", as: "drop" },
                times: 1,
                label: "drop",
              });
              changed();
            }}
          >
            {strings.faultDrop}
          </MenuItem>
          <MenuItem
            onClick={() => {
              tenant.faults.add({ url: "/v1.0/", effect: { kind: "latency", ms: 800 }, label: "latency" });
              changed();
            }}
          >
            {strings.faultLatency}
          </MenuItem>
          {SENT_ITEMS_DELAYS_S.map((seconds) => (
            <MenuItem
              key={`sent-late-${seconds}`}
              onClick={() => {
                tenant.setSentItemsDelay(seconds * 1000);
                setSentLateMs(seconds * 1000);
                onChange();
              }}
            >
              {`${sentLateMs === seconds * 1000 ? "✓ " : ""}${strings.faultSentLate.replace("{seconds}", String(seconds))}`}
            </MenuItem>
          ))}
          <MenuItem
            onClick={() => {
              tenant.faults.clear();
              changed();
            }}
          >
            <Text>{strings.faultClear}</Text>
          </MenuItem>
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}
