// `pnpm demo`: the quickstart against a local mock of Thredfi, or against the real API when
// THREDFI_PARTNER_ID and THREDFI_API_KEY are set.
import { startMock } from "@thredfi/mock";
import { MOCK_CREDENTIALS, realApiConfig } from "./demo-config.js";
import { failureMessage } from "./failure-message.js";
import { runQuickstart } from "./quickstart.js";

const print = (line: string) => console.log(line);

try {
  const config = realApiConfig(process.env);
  if (config) {
    print(`Thredfi quickstart against ${config.baseUrl ?? `the ${config.environment} API`}`);
    await runQuickstart(config, print);
  } else {
    const mock = await startMock();
    try {
      print(`Thredfi quickstart against a local mock of the Thredfi API (Prism) at ${mock.url}`);
      print("Set THREDFI_PARTNER_ID and THREDFI_API_KEY to run it against Thredfi itself.");
      await runQuickstart({ ...MOCK_CREDENTIALS, baseUrl: mock.url }, print);
    } finally {
      await mock.close();
    }
  }
  print("\nDone.");
} catch (error) {
  console.error(`\nThe quickstart failed: ${failureMessage(error)}`);
  process.exitCode = 1;
}
