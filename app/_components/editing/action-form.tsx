"use client";

import { useRouter } from "next/navigation";
import { useActionState, type ReactNode } from "react";
import { type FormState, INITIAL_FORM_STATE } from "@/lib/http/form-state";
import { SaveError } from "./conflict-notice";

type Props = {
  action: (prev: FormState, form: FormData) => Promise<FormState>;
  hidden: Record<string, string>;
  /** The fields; they get the submitted values back after an error (as defaultValue). */
  children: (state: FormState, pending: boolean) => ReactNode;
  className?: string;
  label?: string;
  /** Inline forms (a remove button) show errors in a span. */
  inline?: boolean;
};

/**
 * A small editor form bound to a server action: a real POST form that works without
 * JavaScript and, with it, saves in place. Errors are the API's messages.
 */
export function ActionForm({ action, hidden, children, className, label, inline }: Props) {
  const router = useRouter();
  const [state, formAction, pending] = useActionState(action, INITIAL_FORM_STATE);
  return (
    <form className={className} action={formAction} aria-label={label}>
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {children(state, pending)}
      {inline ? (state.error ? <span role="alert" className="error"> {state.error.message}</span> : null) : <SaveError error={state.error} onReload={() => router.refresh()} />}
    </form>
  );
}
