export { DEMO_ORG_ID, DEMO_PASSWORD, DEMO_USERS, seedDemo } from "./seed-demo.js";
export { DEMO_CALLS_DIR, seedDemoCalls } from "./seed-demo-calls.js";
export { seedLiveConversations } from "./seed-live-conversations.js";
