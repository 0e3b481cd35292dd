export { DEMO_ORG_ID, DEMO_PASSWORD, DEMO_USERS, seedDemo } from "./seed-demo.js";
export { seedLiveConversations } from "./seed-live-conversations.js";
