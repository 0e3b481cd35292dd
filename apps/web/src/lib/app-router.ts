// The one place the web app learns the server's API shape (types only, never runtime code).
export type { StubAppRouter as AppRouter } from "./app-router.stub";
