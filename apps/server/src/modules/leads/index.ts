export { importLeads, refreshLeadStatistics } from "./import-leads.js";
export { normalisePhone, resolveTimeZone, timeZoneFromPhone } from "./phone.js";
export { findRejectionsAfter, getLeadImport } from "./queries.js";
