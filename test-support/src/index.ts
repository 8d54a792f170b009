export {
  PARTNER_TOKEN_PATH,
  type ReceivedRequest,
  type Reply,
  startTestServer,
  type TestServer,
  useTestServer,
} from "./test-server.js";
