import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./app";
import "./index.css";
import { createQueryClient } from "./lib/query-client";
import { restoreSession } from "./lib/session";
import { createAppRouter } from "./routes/router";

const queryClient = createQueryClient();
const router = createAppRouter(queryClient);

// Ask once, before any page renders, whether the refresh cookie still holds a session.
void restoreSession();

const container = document.getElementById("root");
if (!container) throw new Error("index.html is missing #root");

createRoot(container).render(
  <StrictMode>
    <App queryClient={queryClient} router={router} />
  </StrictMode>,
);
