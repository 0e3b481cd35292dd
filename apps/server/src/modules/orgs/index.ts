export { getOrg, insertOrg } from "./queries.js";
