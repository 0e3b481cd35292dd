/** Benchmarks by name; each starts what it needs and ends with one JSON line. */
export const BENCHES: Record<
  string,
  { description: string; run: (options: Record<string, string>) => Promise<boolean> }
> = {
  inbound: {
    description: "signed Twilio inbound webhooks over HTTP → verified, stored, job enqueued",
    run: async (options) => (await import("./inbound.js")).benchInbound(options),
  },
  agent: {
    description: "lead messages answered by the offline agent: reply queued and both turns judged",
    run: async (options) => (await import("./agent.js")).benchAgent(options),
  },
  launch: {
    description: "import 100,000 leads from CSV and plan their first touches",
    run: async (options) => (await import("./launch.js")).benchLaunch(options),
  },
  cockpit: {
    description: "inbound messages to 200 cockpit sockets across 2 api processes (Postgres adapter)",
    run: async (options) => (await import("./cockpit.js")).benchCockpit(options),
  },
  calls: {
    description: "200 five-minute recordings with transcripts uploaded → transcoded → analysed by one worker",
    run: async (options) => (await import("./calls.js")).benchCalls(options),
  },
};
