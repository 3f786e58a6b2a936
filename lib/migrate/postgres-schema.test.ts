import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { postgresSchemaFrom, postgresSchemaPath, readPostgresSchema } from "./postgres-schema";

describe("the PostgreSQL schema", () => {
  it("is the one written from prisma/schema.prisma (run `node scripts/prisma-generate.mjs` after editing it)", () => {
    expect(readFileSync(postgresSchemaPath, "utf8")).toBe(readPostgresSchema());
  });

  it("differs only in provider, client folder and timestamptz", () => {
    const sqlite = [
      'generator client {\n  provider = "prisma-client"\n  output   = "../lib/generated/prisma"\n}',
      'datasource db {\n  provider = "sqlite"\n}',
      "model A {\n  id String @id\n  at DateTime @default(now())\n  maybe DateTime?\n  n Int\n}",
    ].join("\n");
    const out = postgresSchemaFrom(sqlite);
    expect(out).toContain('provider = "postgresql"');
    expect(out).toContain('output   = "../../lib/generated/postgres"');
    expect(out).toContain("at DateTime @default(now()) @db.Timestamptz(3)");
    expect(out).toContain("maybe DateTime? @db.Timestamptz(3)");
    expect(out).toContain("n Int\n");
  });

  it("refuses a schema it does not recognise", () => {
    expect(() => postgresSchemaFrom('datasource db {\n  provider = "mysql"\n}')).toThrow(/sqlite datasource/);
  });
});
