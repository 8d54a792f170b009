import { createServer } from "node:http";
import { answerThredfiRequest, emptyCounts } from "./thredfi-routes.js";

// Child-process entry: a loopback Thredfi stand-in, run apart from the clients so that server
// work does not share the clients' event loop. Prints its port; exits when stdin closes.

const counts = emptyCounts();
let tokenDelayMs = 0;

const server = createServer((request, response) => {
  const url = new URL(request.url ?? "/", "http://127.0.0.1");
  request.resume();
  request.on("end", () => {
    if (url.pathname === "/__bench/counts") {
      reply(JSON.stringify(counts), 200);
      return;
    }
    if (url.pathname === "/__bench/reset") {
      Object.assign(counts, emptyCounts());
      tokenDelayMs = Number(url.searchParams.get("tokenDelayMs") ?? "0");
      reply("{}", 200);
      return;
    }
    const answer = answerThredfiRequest(request.method ?? "GET", url.pathname, counts);
    if (answer.kind === "api" || tokenDelayMs === 0) reply(answer.body, answer.status);
    else setTimeout(() => reply(answer.body, answer.status), tokenDelayMs);
  });

  function reply(body: string, status: number): void {
    response.writeHead(status, {
      "content-type": "application/json",
      "content-length": Buffer.byteLength(body),
    });
    response.end(body);
  }
});

server.listen({ host: "127.0.0.1", port: 0, backlog: 4096 }, () => {
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("no TCP address");
  process.stdout.write(`listening ${address.port}\n`);
});

process.stdin.on("end", () => process.exit(0));
process.stdin.resume();
