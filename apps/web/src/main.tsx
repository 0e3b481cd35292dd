import { QueryClientProvider } from "@tanstack/react-query";
import { RouterProvider } from "@tanstack/react-router";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { FullPageSpinner } from "./components/spinner";
import "./index.css";
import { createQueryClient } from "./lib/query-client";
import { restoreSession, trpcClient } from "./lib/session";
import { useSessionStore } from "./lib/session-store";
import { TRPCProvider } from "./lib/trpc";
import { createAppRouter } from "./routes/router";

const queryClient = createQueryClient();
const router = createAppRouter(queryClient);

// Ask once, before any page renders, whether the refresh cookie still holds a session.
void restoreSession();

function App() {
  const status = useSessionStore((s) => s.status);
  if (status === "restoring") return <FullPageSpinner />;
  return <RouterProvider router={router} />;
}

const container = document.getElementById("root");
if (!container) throw new Error("index.html is missing #root");

createRoot(container).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        <App />
      </TRPCProvider>
    </QueryClientProvider>
  </StrictMode>,
);
