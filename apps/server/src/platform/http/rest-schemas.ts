import { z } from "zod";

/** Error body of every REST response that is not a success. */
export const ZApiError = z.object({ error: z.string(), message: z.string() });
export const errorResponses = {
  400: ZApiError,
  401: ZApiError,
  403: ZApiError,
  404: ZApiError,
  409: ZApiError,
  429: ZApiError,
};
export const bearer = [{ bearerAuth: [] }];
export const ZIdParam = z.object({ id: z.uuid() });
