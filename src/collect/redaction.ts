import type { CliOutput } from './aws-output.js';

/** What stands in for a secret value that was not collected. */
export const redactionMarker = '<redacted by lateral: pass --include-secrets to keep>';

/**
 * Replaces every Lambda environment variable value of a ListFunctions response with the marker,
 * keeping the names: responders see which variables exist, the evidence holds no credentials.
 */
export function redactLambdaEnvironment(body: CliOutput): CliOutput {
  const functions = body['Functions'];
  if (!Array.isArray(functions)) return body;
  return {
    ...body,
    Functions: functions.map((fn: unknown) => {
      if (fn === null || typeof fn !== 'object') return fn;
      const environment = (fn as Record<string, unknown>)['Environment'];
      if (environment === null || typeof environment !== 'object') return fn;
      const variables = (environment as Record<string, unknown>)['Variables'];
      if (variables === null || typeof variables !== 'object') return fn;
      const redacted = Object.fromEntries(
        Object.keys(variables).map((name) => [name, redactionMarker]),
      );
      return { ...fn, Environment: { ...environment, Variables: redacted } };
    }),
  };
}

/** Replaces instance user data (`UserData`, anywhere in an EC2 response) with the marker. */
export function redactUserData(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactUserData);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, child]) =>
      key === 'UserData' ? [key, redactionMarker] : [key, redactUserData(child)],
    ),
  );
}
