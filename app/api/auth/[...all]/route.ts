import { authGateway } from "@/lib/auth/auth-gateway";
import { handle } from "@/lib/http/handle";
import { otherMethods } from "@/lib/http/methods";

export const dynamic = "force-dynamic";

// better-auth's own endpoints, through one gateway (lib/auth/auth-gateway.ts): only the
// endpoints Verbatim uses, bodies limited while read, the client address from the
// server, every cross-site POST refused (which also stops login CSRF).
export const GET = handle((req: Request) => authGateway(req));
export const POST = handle((req: Request) => authGateway(req));

export const { PUT, PATCH, DELETE } = otherMethods("GET", "POST");
