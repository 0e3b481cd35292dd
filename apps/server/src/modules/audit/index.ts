export { findRecentAudit, type TAuditEntry } from "./queries.js";
export { recordAudit, type TAuditEvent } from "./record-audit.js";
