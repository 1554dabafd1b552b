// A view fetched as its own chunk the first time it is shown (the dashboard, IT's views, Diagnostics): the first
// screen does not pay for code it does not run. While the chunk arrives the pane says it is loading; if it
// cannot be fetched (offline, a redeploy replaced the hashed file) the pane says so with a retry instead of
// going blank, and the retry fetches it again.
//
// A view that is part of the pane from the start (the role's pane) can wait for the pane's first commit before
// asking for its chunk (`afterFirstPaint`): the first screen (the frame, saying that it is loading) then neither
// waits for nor competes with that chunk, which is fetched right after it.
import { Spinner } from "@fluentui/react-components";
import { Component, Suspense, lazy, useEffect, useState } from "react";
import type { ComponentType, ReactNode } from "react";
import { AppError } from "../domain/errors";
import { ErrorBar } from "./components/ErrorBar";
import { useI18n } from "./I18nContext";

interface BoundaryProps {
  children: ReactNode;
  onRetry(): void;
}

class ChunkBoundary extends Component<BoundaryProps, { error: AppError | null }> {
  override state = { error: null as AppError | null };

  static getDerivedStateFromError(e: unknown): { error: AppError } {
    return { error: new AppError("network", "A part of the pane could not be loaded", { cause: e }) };
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <ErrorBar
        error={error}
        onRetry={() => {
          this.setState({ error: null });
          this.props.onRetry();
        }}
      />
    );
  }
}

function Loading() {
  const { t } = useI18n();
  return <Spinner label={t("app.loading")} />;
}

export interface LazyViewOptions {
  /** Ask for the chunk only once the view has been committed (and so painted) the first time. */
  afterFirstPaint?: boolean;
}

/** A component that renders `load()`'s component once its chunk has arrived. */
export function lazyView<P extends object>(
  load: () => Promise<ComponentType<P>>,
  { afterFirstPaint = false }: LazyViewOptions = {},
): ComponentType<P> {
  const make = () => lazy(() => load().then((component) => ({ default: component })));
  let Lazy = make();
  // Once asked for, the chunk is never waited for again (a view shown again renders at once).
  let asked = !afterFirstPaint;
  function LazyView(props: P) {
    const [, setAttempt] = useState(0);
    const [ask, setAsk] = useState(asked);
    useEffect(() => {
      asked = true;
      setAsk(true);
    }, []);
    const retry = () => {
      Lazy = make();
      setAttempt((n) => n + 1);
    };
    return (
      <ChunkBoundary onRetry={retry}>
        <Suspense fallback={<Loading />}>{ask ? <Lazy {...props} /> : <Loading />}</Suspense>
      </ChunkBoundary>
    );
  }
  return LazyView;
}
