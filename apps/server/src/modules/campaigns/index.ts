export { addCampaignLeads } from "./enrol.js";
export { firstMessage, planDueTouches } from "./plan-touches.js";
export { CAMPAIGN_TICK_QUEUE } from "./tick-queue.js";
