import type { TConfig } from "../platform/config.js";
import type { TDatabase } from "../platform/db/client.js";
import type { TSmsProviders } from "./ports.js";
import { createSandboxSms } from "./sandbox/sandbox-sms.js";
import { createTwilioSms } from "./twilio/twilio-sms.js";

/** The Sandbox carrier always; Twilio when its credentials are configured. */
export function createSmsProviders(config: TConfig, db: TDatabase): TSmsProviders {
  return {
    sandbox: createSandboxSms(db.appPool),
    ...(config.TWILIO_ACCOUNT_SID && config.TWILIO_AUTH_TOKEN
      ? {
          twilio: createTwilioSms({
            accountSid: config.TWILIO_ACCOUNT_SID,
            authToken: config.TWILIO_AUTH_TOKEN,
            apiUrl: config.TWILIO_API_URL ?? null,
            statusCallbackUrl: config.PUBLIC_URL ? `${config.PUBLIC_URL}/webhooks/twilio/status` : null,
          }),
        }
      : {}),
  };
}
