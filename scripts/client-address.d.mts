import type { BlockList } from "node:net";
export function plainAddress(address: string | undefined): string;
export function parseTrustedProxies(spec: string | undefined): BlockList;
export function clientAddress(peer: string | undefined, forwardedFor: string | string[] | undefined, trusted: BlockList): string;
export function fromTrustedProxy(peer: string | undefined, trusted: BlockList): boolean;
