import { unknownEndpoint } from "@/lib/http/methods";

// Unknown API paths answer in JSON like every other API error, not with the HTML 404 page.
export { unknownEndpoint as GET, unknownEndpoint as POST, unknownEndpoint as PUT, unknownEndpoint as PATCH, unknownEndpoint as DELETE };
