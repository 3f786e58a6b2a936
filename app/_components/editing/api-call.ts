// The editing forms' one way to call the JSON API: same-origin fetch (the session
// cookie goes along; the server checks Origin), errors unpacked into something to show.
export type ApiError = { status: number; code: string; message: string; details?: unknown };
export type ApiResult<T> = { ok: true; data: T } | { ok: false; error: ApiError };

export async function apiCall<T>(method: string, url: string, body: unknown): Promise<ApiResult<T>> {
  let res: Response;
  try {
    res = await fetch(url, { method, headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  } catch {
    return { ok: false, error: { status: 0, code: "network", message: "The server could not be reached; nothing was saved." } };
  }
  const payload = (await res.json().catch(() => null)) as { error?: Omit<ApiError, "status"> } | null;
  if (res.ok) return { ok: true, data: payload as T };
  const error = payload?.error ?? { code: "error", message: `The server answered ${res.status}.` };
  return { ok: false, error: { status: res.status, ...error } };
}
