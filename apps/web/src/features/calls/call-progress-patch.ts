import type { TCallListItem, TCallListPage, TCallProgressEvent, TCallStatus } from "@plaibook/shared";

/** Where each status sits in the pipeline, so a late event cannot move a call backwards. */
const ORDER: Record<TCallStatus, number> = {
  received: 0,
  transcoding: 1,
  transcribing: 2,
  analyzing: 3,
  needs_transcript: 4,
  analyzed: 4,
  failed: 4,
};

/**
 * The call with a `call.progress` event applied. Events can arrive out of order (a step's event after
 * the next step's): a stale one is ignored. A call that stopped (failed, or waiting for a transcript)
 * may start again (a retry); an analysed call only from the start (`received`, a re-analysis).
 */
export function applyProgress<
  T extends Pick<TCallListItem, "status" | "progress" | "statusReason" | "durationSeconds">,
>(call: T, event: TCallProgressEvent): T {
  const restarted =
    call.status === "analyzed"
      ? event.status === "received"
      : ORDER[call.status] === 4 && ORDER[event.status] < 4;
  if (!restarted) {
    if (ORDER[event.status] < ORDER[call.status]) return call;
    if (event.status === call.status && event.progress < call.progress) return call;
  }
  return {
    ...call,
    status: event.status,
    progress: event.progress,
    statusReason: event.statusReason,
    durationSeconds: event.durationSeconds ?? call.durationSeconds,
  };
}

/** A list page with the event's call patched; the same object when the call is not on it. */
export function patchListPage(page: TCallListPage, event: TCallProgressEvent): TCallListPage {
  let changed = false;
  const items = page.items.map((item) => {
    if (item.id !== event.callId) return item;
    const next = applyProgress(item, event);
    if (next !== item) changed = true;
    return next;
  });
  return changed ? { ...page, items } : page;
}

export function pageHasCall(page: TCallListPage | undefined, callId: string): boolean {
  return page?.items.some((item) => item.id === callId) ?? false;
}
