export {
  signWebhook,
  verifyWebhook,
  SIGNATURE_HEADER,
  DEFAULT_TOLERANCE_SECONDS,
  type Body,
  type VerifyOptions,
  type VerifyResult,
} from './signature.js';
export {
  classifyOutcome,
  retryDelayMs,
  nextStep,
  recordDelivery,
  shouldDisable,
  parseRetryAfter,
  DEFAULT_RETRY_POLICY,
  type AttemptOutcome,
  type NextStep,
  type OutcomeKind,
  type RetryPolicy,
  type SubscriptionHealth,
} from './retry.js';
