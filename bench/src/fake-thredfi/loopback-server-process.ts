import { createServer } from "node:http";
import { createLoopbackHandler } from "./index.js";

// Child-process entry of `startFakeThredfiServer`: the loopback server, run apart from the
// clients so that server work does not share their event loop. Prints its port; exits when
// stdin closes.

const server = createServer(createLoopbackHandler());
server.listen({ host: "127.0.0.1", port: 0, backlog: 4096 }, () => {
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("no TCP address");
  process.stdout.write(`listening ${address.port}\n`);
});

process.stdin.on("end", () => process.exit(0));
process.stdin.resume();
