// The one place the example names the package its client comes from.
export { createThredfiClient, type ThredfiEnvironment } from "@thredfi/client";
