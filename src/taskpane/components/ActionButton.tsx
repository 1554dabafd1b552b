// A one-click action: a single button with progress while it runs, a short success note, and the error with a
// next step when it fails.
import { Button, Spinner, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { ButtonProps } from "@fluentui/react-components";
import type { ActionState } from "../hooks/useAction";
import { ErrorBar } from "./ErrorBar";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  row: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
});

export interface ActionButtonProps<T, A extends unknown[]> {
  action: ActionState<T, A>;
  label: string;
  runningLabel: string;
  doneLabel: string;
  appearance?: ButtonProps["appearance"];
  onClick?: () => void;
  /** Show only progress, result and errors (the trigger is elsewhere, e.g. a confirmation dialog). */
  hideButton?: boolean;
  /** Runs the action taking over someone's stale claim (offered only when the error says it is stale). */
  onTakeOver?: () => void;
}

export function ActionButton<T, A extends unknown[]>({
  action,
  label,
  runningLabel,
  doneLabel,
  appearance,
  onClick,
  hideButton,
  onTakeOver,
}: ActionButtonProps<T, A>) {
  const styles = useStyles();
  return (
    <div className={styles.root}>
      <div className={styles.row}>
        {hideButton ? null : (
          <Button
            appearance={appearance ?? "primary"}
            disabledFocusable={action.isRunning}
            onClick={onClick ?? (() => void action.retry())}
          >
            {label}
          </Button>
        )}
        {action.isRunning ? <Spinner size="tiny" label={runningLabel} /> : null}
        {!action.isRunning && action.result !== undefined && !action.error ? (
          <Text role="status" size={200}>
            {doneLabel}
          </Text>
        ) : null}
      </div>
      {action.error ? (
        <ErrorBar
          error={action.error}
          onRetry={() => void action.retry()}
          onDismiss={action.clearError}
          onTakeOver={onTakeOver}
        />
      ) : null}
    </div>
  );
}
