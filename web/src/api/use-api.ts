import { useEffect, useState } from 'react';

export type ApiState<T> =
  { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; data: T };

/** Runs an API call when its inputs change, aborting the previous one. */
export function useApi<T>(
  call: (signal: AbortSignal) => Promise<T>,
  inputs: unknown[],
): ApiState<T> {
  const [state, setState] = useState<ApiState<T>>({ status: 'loading' });
  useEffect(() => {
    const controller = new AbortController();
    setState({ status: 'loading' });
    call(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setState({ status: 'ready', data });
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        const message = error instanceof Error ? error.message : 'The request failed.';
        setState({ status: 'error', message });
      },
    );
    return () => controller.abort();
    // The caller lists the inputs the call depends on, as with useEffect's dependencies.
  }, inputs);
  return state;
}
