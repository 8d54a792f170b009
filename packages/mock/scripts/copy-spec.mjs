// Ships the bundled spec inside the package, so the default mock works from the published tarball.
import { copyFileSync, mkdirSync } from "node:fs";

const source = new URL("../../../specs/thredfi.yaml", import.meta.url);
const target = new URL("../spec/thredfi.yaml", import.meta.url);

mkdirSync(new URL(".", target), { recursive: true });
copyFileSync(source, target);
