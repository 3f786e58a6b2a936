import type { Metadata } from "next";
import { QueueNavigator } from "./queue-navigator";
import { StatusBadge } from "../_components/status-badge";
import { currentActor } from "@/lib/auth/current-actor";
import { canEdit } from "@/lib/auth/roles";
import { CLAIM_STATUSES } from "@/lib/claims/schemas";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { personOptions } from "@/lib/people/person-options";
import { reviewQueue } from "@/lib/reviews/review-queue";
import { sourceOptions } from "@/lib/sources/source-options";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Review queue" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const single = (params: Record<string, string | string[] | undefined>) =>
  Object.fromEntries(Object.entries(params).filter(([, v]) => typeof v === "string" && v !== "")) as Record<string, string>;

export default async function QueuePage({ searchParams }: Props) {
  const actor = await currentActor();
  if (!canEdit(actor?.role)) {
    return (
      <article>
        <h1>Review queue</h1>
        <p>
          The queue is for editors. <a href="/sign-in?next=/queue">Sign in</a>
        </p>
      </article>
    );
  }
  const params = single(await searchParams);
  const db = getDb();
  let queue;
  try {
    queue = await reviewQueue(db, params);
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    return (
      <article>
        <h1>Review queue</h1>
        <p role="alert" className="error">{err.message}</p>
        <p><a href="/queue">Clear the filters</a></p>
      </article>
    );
  }
  const [people, sources] = await Promise.all([personOptions(db), sourceOptions(db)]);
  const link = (patch: Record<string, string | undefined>) => {
    const merged = { ...params, ...patch };
    const next = new URLSearchParams();
    for (const [k, v] of Object.entries(merged)) if (v && k !== "page") next.set(k, v);
    if (patch.page) next.set("page", patch.page);
    return `/queue${next.size ? `?${next}` : ""}`;
  };
  const page = queue.query.page;

  return (
    <article>
      <h1>Review queue</h1>
      <nav aria-label="Counts by status" className="byline">
        <a href={link({ status: undefined })} aria-current={!params.status ? "page" : undefined}>All ({queue.total})</a>
        {CLAIM_STATUSES.map((s) => (
          <a key={s} href={link({ status: s })} aria-current={params.status === s ? "page" : undefined} data-count-status={s}>
            <StatusBadge status={s} /> {queue.counts[s]}
          </a>
        ))}
      </nav>
      <form className="filters" method="get" action="/queue">
        {params.status ? <input type="hidden" name="status" value={params.status} /> : null}
        <label>
          Speaker
          <select name="person" defaultValue={params.person ?? ""}>
            <option value="">Anyone</option>
            {people.map((p) => (
              <option key={p.id} value={p.id}>{p.name}</option>
            ))}
          </select>
        </label>
        <label>
          Source
          <select name="source" defaultValue={params.source ?? ""}>
            <option value="">Any source</option>
            {sources.map((s) => (
              <option key={s.id} value={s.id}>{s.label}</option>
            ))}
          </select>
        </label>
        <label className="check">
          <input type="checkbox" name="changedSinceVerdict" value="true" defaultChecked={params.changedSinceVerdict === "true"} /> Changed since its verdict
        </label>
        <label className="check">
          <input type="checkbox" name="sourceChanged" value="true" defaultChecked={params.sourceChanged === "true"} /> Source changed
        </label>
        <label>
          Not reviewed in (days)
          <input name="notReviewedDays" type="number" min={1} max={3650} defaultValue={params.notReviewedDays ?? ""} />
        </label>
        <button type="submit">Filter</button>
      </form>
      <QueueNavigator items={queue.items} sources={sources} />
      <p className="pager">
        Page {page} of {queue.pages}
        {page > 1 ? <> · <a href={link({ page: String(page - 1) })}>Previous page</a></> : null}
        {page < queue.pages ? <> · <a href={link({ page: String(page + 1) })}>Next page</a></> : null}
      </p>
    </article>
  );
}
