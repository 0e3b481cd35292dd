/// <reference types="vitest/config" />
import tailwindcss from "@tailwindcss/vite";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

const API_ORIGIN = "http://localhost:3000";

export default defineConfig({
  plugins: [react(), tailwindcss()],
  build: { outDir: "dist", emptyOutDir: true },
  server: {
    port: 5173,
    proxy: {
      "/trpc": { target: API_ORIGIN, changeOrigin: true },
      "/api": { target: API_ORIGIN, changeOrigin: true },
      "/socket.io": { target: API_ORIGIN, changeOrigin: true, ws: true },
    },
  },
  test: {
    name: "web",
    environment: "jsdom",
    include: ["src/**/*.test.{ts,tsx}"],
    setupFiles: ["./src/test/setup.ts"],
    // Whole-app tests import every route; on a busy 2-core CI machine that alone can take seconds.
    testTimeout: 20_000,
  },
});
