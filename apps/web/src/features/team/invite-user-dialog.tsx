import type { TInviteUserInput, TInviteUserResult, TRole } from "@plaibook/shared";
import { assignableRoles, ZInviteUserInput } from "@plaibook/shared";
import { Check, Copy } from "lucide-react";
import { useState } from "react";
import { Button } from "../../components/button";
import { Dialog } from "../../components/dialog";
import { FormError } from "../../components/form-error";
import { controlClass, controlRing, TextField } from "../../components/input";
import { SelectField } from "../../components/select";
import { getErrorMessage, getServerFieldErrors } from "../../lib/errors";
import { formatDateTime, ROLE_LABELS } from "../../lib/format";
import { useZodForm } from "../../lib/use-zod-form";

export type TInviteUserDialogProps = {
  open: boolean;
  onClose: () => void;
  actorRole: TRole;
  /** Sends the invite; resolves with the one-time link, rejects with the server's error. */
  onInvite: (input: TInviteUserInput) => Promise<TInviteUserResult>;
  /** Prefix for the invite path (defaults to this page's origin). */
  origin?: string;
  /** Writes to the clipboard (injectable for tests). */
  copyText?: (text: string) => Promise<void>;
};

function defaultRole(options: TRole[]): TRole {
  return options.includes("rep") ? "rep" : (options[options.length - 1] ?? "viewer");
}

export function InviteUserDialog({
  open,
  onClose,
  actorRole,
  onInvite,
  origin = window.location.origin,
  copyText = (text) => navigator.clipboard.writeText(text),
}: TInviteUserDialogProps) {
  const roleOptions = assignableRoles(actorRole);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [serverFieldErrors, setServerFieldErrors] = useState<Record<string, string>>({});
  const [result, setResult] = useState<TInviteUserResult | null>(null);
  const [copied, setCopied] = useState<"idle" | "copied" | "failed">("idle");

  const initial = { email: "", name: "", role: defaultRole(roleOptions) };
  const form = useZodForm(ZInviteUserInput, initial, (input) => {
    setPending(true);
    setError(null);
    setServerFieldErrors({});
    onInvite(input).then(
      (res) => {
        setPending(false);
        setResult(res);
        setCopied("idle");
      },
      (err: unknown) => {
        setPending(false);
        setError(getErrorMessage(err));
        setServerFieldErrors(getServerFieldErrors(err));
      },
    );
  });

  const startOver = () => {
    form.reset(initial);
    setResult(null);
    setError(null);
    setServerFieldErrors({});
  };
  const close = () => {
    startOver();
    onClose();
  };

  const link = result ? new URL(result.inviteUrl, origin).toString() : "";
  const copy = () => {
    copyText(link).then(
      () => setCopied("copied"),
      () => setCopied("failed"),
    );
  };

  return (
    <Dialog
      open={open}
      onClose={close}
      title="Invite user"
      dismissible={!pending}
      description={
        result
          ? `Share this link with ${result.member.name}. It works once and expires ${formatDateTime(result.expiresAt)}.`
          : "They'll get a one-time link to set a password and join your team."
      }
    >
      {result ? (
        <div className="space-y-5">
          <div>
            <label htmlFor="invite-link" className="block text-sm font-medium text-slate-700">
              Invite link
            </label>
            <div className="mt-1.5 flex gap-2">
              <input
                id="invite-link"
                readOnly
                value={link}
                onFocus={(e) => e.currentTarget.select()}
                className={`${controlClass} ${controlRing(false)} h-10 min-w-0 flex-1 font-mono text-xs`}
              />
              <Button
                variant="secondary"
                onClick={copy}
                icon={
                  copied === "copied" ? (
                    <Check aria-hidden="true" className="size-4 text-emerald-600" />
                  ) : (
                    <Copy aria-hidden="true" className="size-4" />
                  )
                }
              >
                {copied === "copied" ? "Copied" : "Copy"}
              </Button>
            </div>
            <p className="mt-1.5 text-xs text-slate-500" aria-live="polite">
              {copied === "failed"
                ? "Couldn't copy automatically. Select the link and copy it yourself."
                : "Anyone with this link can join as this person, so share it privately."}
            </p>
          </div>
          <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
            <Button variant="secondary" onClick={startOver}>
              Invite another
            </Button>
            <Button onClick={close}>Done</Button>
          </div>
        </div>
      ) : (
        <form noValidate onSubmit={form.handleSubmit} className="space-y-5">
          <TextField
            label="Email"
            name="email"
            type="email"
            autoComplete="off"
            inputMode="email"
            value={form.values.email}
            onChange={(e) => form.setValue("email", e.target.value)}
            error={form.errors.email ?? serverFieldErrors.email}
          />
          <TextField
            label="Name"
            name="name"
            autoComplete="off"
            value={form.values.name}
            onChange={(e) => form.setValue("name", e.target.value)}
            error={form.errors.name ?? serverFieldErrors.name}
          />
          <SelectField
            label="Role"
            name="role"
            value={form.values.role}
            onChange={(e) => form.setValue("role", e.target.value)}
            error={form.errors.role ?? serverFieldErrors.role}
            options={roleOptions.map((role) => ({ value: role, label: ROLE_LABELS[role] }))}
          />
          <FormError message={error} />
          <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
            <Button variant="secondary" onClick={close} disabled={pending}>
              Cancel
            </Button>
            <Button type="submit" loading={pending}>
              Send invite
            </Button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
