export function postgresBin(): string;
export type PostgresServer = { url: string; port: number; dir: string; stop(): void };
export function startPostgres(options?: { maxConnections?: number }): Promise<PostgresServer>;
