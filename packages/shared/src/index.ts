export * from "./auth.js";
export * from "./roles.js";
export * from "./team.js";
