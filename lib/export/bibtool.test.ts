import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { toBiblatex, toBibtex } from "./citation-js";
import { seededClaims, TEST_CTX, trickyClaim, unknownClaim } from "./test-fixtures";

// A real BibTeX toolchain reads every entry: Debian's bibtool (npm test installs it, as it
// does Chromium, when it runs as root with apt). Without it the test says why it cannot run.
const hasBibtool = spawnSync("sh", ["-c", "command -v bibtool"]).status === 0;
const claims = () => [...seededClaims(), trickyClaim(), unknownClaim()];

describe.runIf(hasBibtool)("bibtool reads every entry", () => {
  for (const [name, render] of [["bibtex", toBibtex], ["biblatex", toBiblatex]] as const) {
    it(`${name}: no error or warning, one entry per claim`, () => {
      const dir = mkdtempSync(path.join(os.tmpdir(), "verbatim-bibtool-"));
      try {
        const file = path.join(dir, `${name}.bib`);
        writeFileSync(file, claims().map((c) => render(c, TEST_CTX)).join("\n"));
        // BibLaTeX's entry types (@online) come from bibtool's biblatex resource.
        const res = spawnSync("bibtool", [...(name === "biblatex" ? ["-r", "biblatex"] : []), "-q", file], { encoding: "utf8" });
        expect(res.status).toBe(0);
        expect(res.stderr).not.toMatch(/ERROR|WARNING/);
        expect(res.stdout.match(/^@\w+\{/gm)).toHaveLength(claims().length);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  }
});

if (!hasBibtool) {
  it.skip("bibtool is not installed (Debian: apt-get install -y bibtool; npm test installs it as root): BibTeX is checked by citation-js's parser only", () => {});
}
