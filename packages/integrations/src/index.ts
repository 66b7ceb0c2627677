// The decision every integration shares. Each integration is its own entry point
// (`@transfer-errors/integrations/p-retry`, ...), so an app loads only the libraries it uses.
export { type BackoffOptions, jitteredDelay } from "./backoff.js";
export {
  type DecideOptions,
  decide,
  type Reconnect,
  type RetryDecision,
  reconnectingBeforeRetry,
} from "./decide.js";
