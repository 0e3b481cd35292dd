/** A form-level error (usually the server's message), announced when it appears. */
export function FormError({ message }: { message: string | null | undefined }) {
  if (!message) return null;
  return (
    <div
      role="alert"
      className="rounded-md bg-rose-50 px-3 py-2.5 text-sm text-rose-700 ring-1 ring-rose-200"
    >
      {message}
    </div>
  );
}
