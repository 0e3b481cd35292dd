import { createLink } from "@tanstack/react-router";
import { clsx } from "clsx";
import { ChevronRight } from "lucide-react";
import type { AnchorHTMLAttributes, Ref } from "react";
import { focusRing } from "./button";

type TRowLinkAnchorProps = AnchorHTMLAttributes<HTMLAnchorElement> & { ref?: Ref<HTMLAnchorElement> };

function RowLinkAnchor({ className, children, ...rest }: TRowLinkAnchorProps) {
  return (
    <a
      className={clsx(
        "group inline-flex items-center gap-1 rounded text-sm font-medium text-slate-900 hover:text-indigo-700",
        focusRing,
        className,
      )}
      {...rest}
    >
      {children}
      <ChevronRight aria-hidden="true" className="size-4 text-slate-400 group-hover:text-indigo-600" />
    </a>
  );
}

/** The title of a table row as a router link, with a chevron: opens the row's own page. */
export const RowLink = createLink(RowLinkAnchor);
