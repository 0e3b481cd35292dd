export * from "./auth.js";
export * from "./campaigns.js";
export * from "./conversations.js";
export * from "./leads.js";
export * from "./playbook.js";
export * from "./roles.js";
export * from "./sms.js";
export * from "./team.js";
