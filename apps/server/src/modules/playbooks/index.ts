export { DEMO_PLAYBOOKS } from "./demo-playbooks.js";
export { getCurrentVersionId, getPlaybookVersionById } from "./queries.js";
export { savePlaybook } from "./save-playbook.js";
