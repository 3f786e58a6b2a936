import path from "node:path";
import { generate } from "/work/main/bench/generate";
const file = path.join("/work/main/bench/data", "bench-1000000.db");
const meta = await generate({ file, claims: 1_000_000, sources: 100_000, seed: 1, log: (m) => console.error(m) });
console.error("done", meta.generationSeconds);
