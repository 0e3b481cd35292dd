// The one place the web app learns the server's API shape (types only, never runtime code).
export type { AppRouter } from "@plaibook/server/router";
