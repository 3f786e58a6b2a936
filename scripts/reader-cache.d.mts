export const DEFAULT_CACHE_MB: number;
export function cacheBytes(env?: Record<string, string | undefined>): number;
export function sqliteFile(env?: Record<string, string | undefined>): string | null;
export function postgresUrl(env?: Record<string, string | undefined>): string | null;
export function reconnecting(url: string): Promise<{ query(sql: string, params?: unknown[]): Promise<{ rows: Record<string, unknown>[]; rowCount: number | null }> }>;
