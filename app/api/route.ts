import { AppError } from "@/lib/errors";
import { errorResponse } from "@/lib/http/handle";

// Unknown API paths answer in JSON like every other API error, not with the HTML 404 page.
const unknown = (req: Request) =>
  Promise.resolve(errorResponse(new AppError("not_found", `No API endpoint ${new URL(req.url).pathname}.`)));

export { unknown as GET, unknown as POST, unknown as PUT, unknown as PATCH, unknown as DELETE };
