// Next's start-up hook (once per server process): starts the background sentence encoder
// (lib/match/semantic/background.ts) on the Node.js runtime.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startBackgroundEmbedding } = await import("./lib/match/semantic/background");
  startBackgroundEmbedding();
}
