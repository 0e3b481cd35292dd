import type { TCall } from "@plaibook/shared";
import { orgRoom } from "../../platform/realtime/socket.js";
import type { TPublish } from "../messaging/events.js";

/** `call.progress`: where a call stands in the pipeline; after the step's transaction commits. */
export function announceCallProgress(publish: TPublish, orgId: string, call: TCall): void {
  publish(orgRoom(orgId), "call.progress", {
    callId: call.id,
    status: call.status,
    progress: call.progress,
    statusReason: call.statusReason,
    durationSeconds: call.durationSeconds,
  });
}
