// citation-js ships no TypeScript types: just the parts Verbatim uses, typed narrowly.
declare module "@citation-js/core" {
  /** A CSL-JSON item as citation-js holds it. */
  type CiteItem = Record<string, unknown>;

  export class Cite {
    constructor(data?: unknown, options?: Record<string, unknown>);
    data: CiteItem[];
    format(format: string, options?: Record<string, unknown>): string;
  }

  type Register<T> = { add(name: string, value: T): void; has(name: string): boolean; get(name: string): T };

  export type BibtexConfig = { format: { useIdAsLabel: boolean; checkLabel: boolean; asciiOnly: boolean } };
  export type CslConfig = { styles: Register<string>; locales: Register<string> };

  export const plugins: {
    config: {
      get(ref: "@bibtex"): BibtexConfig;
      get(ref: "@csl"): CslConfig;
    };
    output: {
      format(name: "ris", data: unknown[], options: { format: "object" }): Record<string, string | string[]>[];
      /** With asEntryArray: [item id, formatted entry] pairs, in bibliography order. */
      format(name: "bibliography", data: unknown[], options: Record<string, unknown> & { asEntryArray: true }): [string, string][];
      format(name: string, data: unknown[], options?: Record<string, unknown>): string;
    };
  };
}

declare module "@citation-js/plugin-bibtex";
declare module "@citation-js/plugin-ris";
declare module "@citation-js/plugin-csl";
