import { clsx } from "clsx";

type TSpinnerProps = {
  size?: "sm" | "md" | "lg";
  /** Announced to screen readers; null when a surrounding element already says what is loading. */
  label?: string | null;
  className?: string;
};

const SIZES = { sm: "size-4 border-2", md: "size-6 border-2", lg: "size-10 border-[3px]" } as const;

export function Spinner({ size = "md", label = "Loading", className }: TSpinnerProps) {
  const circle = (
    <span
      aria-hidden="true"
      className={clsx(
        "inline-block animate-spin rounded-full border-current border-r-transparent",
        SIZES[size],
        className,
      )}
    />
  );
  if (label === null) return circle;
  return (
    <span role="status" className="inline-flex items-center">
      {circle}
      <span className="sr-only">{label}</span>
    </span>
  );
}

export function FullPageSpinner({ label = "Loading Plaibook" }: { label?: string }) {
  return (
    <div className="flex min-h-dvh items-center justify-center bg-slate-50 text-indigo-600">
      <Spinner size="lg" label={label} />
    </div>
  );
}
