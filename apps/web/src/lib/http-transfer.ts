import { sessionManager } from "./session";
import { getAccessToken } from "./session-store";

/** An error from a plain-HTTP endpoint (uploads, CSV downloads), with the server's message when it sent one. */
export class TransferError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = "TransferError";
  }
}

const OFFLINE = "We couldn't reach Plaibook. Check your connection and try again.";
const GENERIC = "Something went wrong. Please try again.";

function messageFrom(status: number, body: string): string {
  try {
    const json = JSON.parse(body) as { message?: unknown; error?: { message?: unknown } | string };
    const message =
      typeof json.message === "string"
        ? json.message
        : typeof json.error === "object" && typeof json.error?.message === "string"
          ? json.error.message
          : typeof json.error === "string"
            ? json.error
            : null;
    if (message && status < 500) return message;
  } catch {
    // not JSON
  }
  if (status === 401) return "Your session has ended. Sign in again.";
  if (status === 403) return "Your role doesn't allow this.";
  if (status === 413) return "That file is too large.";
  return GENERIC;
}

function bearer(): Record<string, string> {
  const token = getAccessToken();
  return token ? { Authorization: `Bearer ${token}` } : {};
}

export type TUploadOptions = {
  /** Called with 0…1 while the body is sent. */
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
};

function sendOnce<T>(
  url: string,
  body: FormData,
  options: TUploadOptions,
): Promise<{ status: number; data?: T; text: string }> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", url);
    xhr.withCredentials = true;
    for (const [name, value] of Object.entries(bearer())) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) options.onProgress?.(event.loaded / event.total);
    };
    xhr.onload = () => {
      const text = xhr.responseText ?? "";
      if (xhr.status >= 200 && xhr.status < 300) {
        options.onProgress?.(1);
        try {
          resolve({ status: xhr.status, data: JSON.parse(text) as T, text });
        } catch {
          reject(new TransferError(GENERIC, xhr.status));
        }
        return;
      }
      resolve({ status: xhr.status, text });
    };
    xhr.onerror = () => reject(new TransferError(OFFLINE, 0));
    xhr.onabort = () => reject(new TransferError("Upload cancelled.", 0));
    options.signal?.addEventListener("abort", () => xhr.abort(), { once: true });
    xhr.send(body);
  });
}

/**
 * POSTs multipart form data with the bearer token, reporting upload progress (XMLHttpRequest: fetch cannot).
 * On 401 it refreshes the session once and sends again.
 */
export async function uploadForm<T>(
  url: string,
  makeBody: () => FormData,
  options: TUploadOptions = {},
): Promise<T> {
  let result = await sendOnce<T>(url, makeBody(), options);
  if (result.status === 401 && (await sessionManager.refresh())) {
    options.onProgress?.(0);
    result = await sendOnce<T>(url, makeBody(), options);
  }
  if (result.data !== undefined) return result.data;
  throw new TransferError(messageFrom(result.status, result.text), result.status);
}

async function fetchWithBearer(url: string): Promise<Response> {
  const request = () => fetch(url, { headers: bearer(), credentials: "include" });
  let response: Response;
  try {
    response = await request();
    if (response.status === 401 && (await sessionManager.refresh())) response = await request();
  } catch {
    throw new TransferError(OFFLINE, 0);
  }
  if (!response.ok)
    throw new TransferError(messageFrom(response.status, await response.text()), response.status);
  return response;
}

/** Fetches a file that needs the bearer token and hands it to the browser as a download. */
export async function downloadWithBearer(url: string, fileName: string): Promise<void> {
  const response = await fetchWithBearer(url);
  const blob = await response.blob();
  const href = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = href;
  link.download = fileName;
  link.style.display = "none";
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(href), 1_000);
}

/** A message for an upload or download failure. */
export function transferErrorMessage(error: unknown): string {
  if (error instanceof TransferError) return error.message;
  return GENERIC;
}
