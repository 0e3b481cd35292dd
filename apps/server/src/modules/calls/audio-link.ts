import type { TTokenService } from "../../platform/auth/tokens.js";

/** Long enough to listen to a long call with pauses; the page asks again when it reloads. */
const AUDIO_LINK_SECONDS = 6 * 60 * 60;

const resourceOf = (callId: string) => `call-audio:${callId}`;

/** A URL an `<audio>` element can play (it cannot send a bearer header), scoped to this one call. */
export async function signedAudioUrl(tokens: TTokenService, orgId: string, callId: string): Promise<string> {
  const token = await tokens.signMedia({ orgId, resource: resourceOf(callId) }, AUDIO_LINK_SECONDS);
  return `/api/v1/calls/${callId}/audio?token=${encodeURIComponent(token)}`;
}

/** The org a link was signed for, when it is valid for this call. */
export async function verifyAudioLink(
  tokens: TTokenService,
  callId: string,
  token: string,
): Promise<string | null> {
  const claims = await tokens.verifyMedia(token);
  return claims && claims.resource === resourceOf(callId) ? claims.orgId : null;
}
