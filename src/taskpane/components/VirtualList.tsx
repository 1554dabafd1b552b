// A list that renders only the rows in view, so 10,000 cases scroll as smoothly as 10. Rows have a fixed
// height; the list is a focusable region with a known size for screen readers (aria-setsize/posinset).
import { makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import type { ReactNode } from "react";

const useStyles = makeStyles({
  viewport: {
    position: "relative",
    overflowY: "auto",
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  list: { listStyleType: "none", margin: 0, padding: 0, position: "relative" },
  row: { position: "absolute", left: 0, right: 0, boxSizing: "border-box" },
});

export interface VirtualListProps<T> {
  items: readonly T[];
  rowHeight: number;
  height: number;
  label: string;
  renderRow(item: T, index: number): ReactNode;
  keyOf(item: T): string;
  /**
   * The item's place for screen readers (aria-posinset/setsize); undefined for a row that is not an item of the
   * set (a group's heading). Default: its index among all items.
   */
  positionOf?(item: T, index: number): { posInSet: number; setSize: number } | undefined;
}

const OVERSCAN = 6;

export function VirtualList<T>({
  items,
  rowHeight,
  height,
  label,
  renderRow,
  keyOf,
  positionOf = (_, index) => ({ posInSet: index + 1, setSize: items.length }),
}: VirtualListProps<T>) {
  const styles = useStyles();
  const [scrollTop, setScrollTop] = useState(0);
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - OVERSCAN);
  const last = Math.min(items.length, Math.ceil((scrollTop + height) / rowHeight) + OVERSCAN);
  const visible = items.slice(first, last);
  return (
    <div
      className={styles.viewport}
      style={{ height }}
      onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
      tabIndex={0}
      role="region"
      aria-label={label}
    >
      <ul className={styles.list} style={{ height: items.length * rowHeight }} aria-label={label}>
        {visible.map((item, i) => {
          const position = positionOf(item, first + i);
          return (
            <li
              key={keyOf(item)}
              className={styles.row}
              style={{ top: (first + i) * rowHeight, height: rowHeight }}
              aria-setsize={position?.setSize}
              aria-posinset={position?.posInSet}
            >
              {renderRow(item, first + i)}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
