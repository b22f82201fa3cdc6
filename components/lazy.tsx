import type { ComponentType, JSX } from 'preact';
import { useLayoutEffect, useState } from 'preact/hooks';

/** A component whose code is fetched on first use (a dynamic `import()`), or ahead with `preload`. */
export interface LazyComponent<P> {
  (props: P): JSX.Element | null;
  /** Fetch the code now (the panel does once its first render is done); resolves to the component. */
  preload(): Promise<ComponentType<P>>;
}

/**
 * The side panel's views and editors that its first render does not draw (Agenda, Search, the
 * talk editor) are loaded this way: their code is not parsed before the note box is usable.
 * Until the code is there, `fallback` is drawn (nothing by default); a failed load is retried on
 * the next mount.
 */
export function lazyComponent<P>(
  load: () => Promise<ComponentType<P>>,
  fallback: () => JSX.Element | null = () => null,
): LazyComponent<P> {
  let loaded: ComponentType<P> | null = null;
  let pending: Promise<ComponentType<P>> | null = null;
  const preload = () => {
    pending ??= load().then(
      (component) => (loaded = component),
      (error: unknown) => {
        pending = null;
        throw error;
      },
    );
    return pending;
  };
  function Lazy(props: P) {
    const [component, setComponent] = useState<ComponentType<P> | null>(() => loaded);
    const [error, setError] = useState<string | null>(null);
    // A layout effect: the code is asked for before the fallback paints, not a frame later.
    useLayoutEffect(() => {
      if (component) return;
      let live = true;
      preload().then(
        (c) => live && setComponent(() => c),
        (e: unknown) => live && setError(e instanceof Error ? e.message : String(e)),
      );
      return () => {
        live = false;
      };
    }, []);
    if (error)
      return (
        <p class="error" role="alert">
          This part of Talkmark could not be loaded: {error}
        </p>
      );
    if (!component) return fallback();
    const C = component;
    return <C {...(props as P & JSX.IntrinsicAttributes)} />;
  }
  Lazy.preload = preload;
  return Lazy;
}
