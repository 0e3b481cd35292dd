const { benchInbound } = await import("./zz-orig-inbound-tmp.ts");
process.exitCode = (await benchInbound({ seconds: "2" })) ? 0 : 1;
