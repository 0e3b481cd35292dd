import type { TPermission, TRole, TSession } from "@plaibook/shared";
import { can } from "@plaibook/shared";
import { Link } from "@tanstack/react-router";
import { clsx } from "clsx";
import {
  Ban,
  BookOpen,
  Bot,
  ChartColumn,
  CheckSquare,
  Contact,
  Home,
  LogOut,
  Megaphone,
  Menu,
  MessageSquareText,
  PhoneCall,
  Plug,
  Radar,
  Siren,
  Smartphone,
  Users,
  X,
} from "lucide-react";
import type { ReactNode } from "react";
import { useEffect, useState } from "react";
import { Badge } from "../../components/badge";
import { focusRingDark } from "../../components/button";
import { Spinner } from "../../components/spinner";
import { Wordmark } from "../../components/wordmark";
import { ROLE_LABELS } from "../../lib/format";

type TNavItem = {
  to:
    | "/"
    | "/cockpit"
    | "/escalations"
    | "/campaigns"
    | "/playbooks"
    | "/leads"
    | "/calls"
    | "/tasks"
    | "/sandbox"
    | "/settings/team"
    | "/settings/opt-outs"
    | "/settings/sms"
    | "/settings/ai"
    | "/settings/calls"
    | "/settings/integrations"
    | "/usage";
  label: string;
  icon: ReactNode;
  exact?: boolean;
  /** Shown only to roles with this permission. */
  permission?: TPermission;
};

const MAIN_NAV: TNavItem[] = [
  { to: "/", label: "Home", icon: <Home className="size-4" />, exact: true },
  { to: "/cockpit", label: "Cockpit", icon: <Radar className="size-4" /> },
  { to: "/escalations", label: "Escalations", icon: <Siren className="size-4" /> },
  { to: "/campaigns", label: "Campaigns", icon: <Megaphone className="size-4" /> },
  { to: "/playbooks", label: "Playbooks", icon: <BookOpen className="size-4" /> },
  { to: "/leads", label: "Leads", icon: <Contact className="size-4" /> },
  { to: "/calls", label: "Calls", icon: <PhoneCall className="size-4" />, permission: "calls.view" },
  { to: "/tasks", label: "Tasks", icon: <CheckSquare className="size-4" /> },
  { to: "/sandbox", label: "Phone simulator", icon: <Smartphone className="size-4" /> },
  { to: "/usage", label: "Usage & cost", icon: <ChartColumn className="size-4" /> },
];
const SETTINGS_NAV: TNavItem[] = [
  { to: "/settings/team", label: "Team", icon: <Users className="size-4" /> },
  { to: "/settings/opt-outs", label: "Opt-outs", icon: <Ban className="size-4" /> },
  { to: "/settings/sms", label: "SMS identity", icon: <MessageSquareText className="size-4" /> },
  { to: "/settings/ai", label: "AI & calendar", icon: <Bot className="size-4" /> },
  { to: "/settings/calls", label: "Calls", icon: <PhoneCall className="size-4" />, permission: "calls.view" },
  { to: "/settings/integrations", label: "Integrations", icon: <Plug className="size-4" /> },
];

/** Counters shown beside nav items (e.g. unacknowledged escalations); zero shows nothing. */
export type TNavBadges = Partial<Record<TNavItem["to"], number>>;

function NavLink({
  item,
  onNavigate,
  badge = 0,
}: {
  item: TNavItem;
  onNavigate?: (() => void) | undefined;
  badge?: number | undefined;
}) {
  return (
    <Link
      to={item.to}
      onClick={onNavigate}
      // "Escalations 2 unread": the count is part of the link's name.
      aria-label={badge > 0 ? `${item.label} ${badge} unread` : undefined}
      activeOptions={{ exact: item.exact ?? false }}
      className={clsx(
        "flex items-center gap-3 rounded-md px-3 py-2 text-sm font-medium transition-colors",
        focusRingDark,
      )}
      activeProps={{ className: "bg-slate-800 text-white" }}
      inactiveProps={{ className: "text-slate-300 hover:bg-slate-800/60 hover:text-white" }}
    >
      <span aria-hidden="true">{item.icon}</span>
      {item.label}
      {badge > 0 ? (
        <span
          aria-hidden="true"
          className="ml-auto rounded-full bg-rose-500 px-1.5 py-px text-xs font-semibold text-white tabular-nums"
        >
          {badge > 99 ? "99+" : badge}
        </span>
      ) : null}
    </Link>
  );
}

function Navigation({
  role,
  onNavigate,
  badges = {},
}: {
  role: TRole;
  onNavigate?: () => void;
  badges?: TNavBadges | undefined;
}) {
  const allowed = (item: TNavItem) => !item.permission || can(role, item.permission);
  return (
    <nav aria-label="Main" className="space-y-6">
      <ul className="space-y-1">
        {MAIN_NAV.filter(allowed).map((item) => (
          <li key={item.to}>
            <NavLink item={item} onNavigate={onNavigate} badge={badges[item.to]} />
          </li>
        ))}
      </ul>
      <div>
        <p className="px-3 pb-2 text-xs font-semibold tracking-wider text-slate-500 uppercase">Settings</p>
        <ul className="space-y-1">
          {SETTINGS_NAV.filter(allowed).map((item) => (
            <li key={item.to}>
              <NavLink item={item} onNavigate={onNavigate} />
            </li>
          ))}
        </ul>
      </div>
    </nav>
  );
}

function Account({ session, onSignOut, signingOut }: TAppShellProps) {
  return (
    <div className="space-y-3 border-t border-slate-800 pt-4">
      <div className="px-3">
        <p className="truncate text-xs font-medium tracking-wide text-slate-400 uppercase">
          {session.org.name}
        </p>
        <div className="mt-1 flex items-center gap-2">
          <p className="truncate text-sm font-medium text-white">{session.user.name}</p>
          <Badge tone="inverse">{ROLE_LABELS[session.user.role]}</Badge>
        </div>
        <p className="truncate text-xs text-slate-400">{session.user.email}</p>
      </div>
      <button
        type="button"
        onClick={onSignOut}
        disabled={signingOut}
        className={clsx(
          "flex w-full items-center gap-3 rounded-md px-3 py-2 text-sm font-medium text-slate-300 transition-colors hover:bg-slate-800 hover:text-white disabled:opacity-60",
          focusRingDark,
        )}
      >
        {signingOut ? <Spinner size="sm" label={null} /> : <LogOut aria-hidden="true" className="size-4" />}
        Sign out
      </button>
    </div>
  );
}

export type TAppShellProps = {
  session: TSession;
  onSignOut: () => void;
  signingOut?: boolean;
  children?: ReactNode;
  navBadges?: TNavBadges;
  /** Use the full width (the Cockpit) instead of the reading width. */
  wide?: boolean;
};

/** Sidebar on wide screens; a top bar with a menu on phones. */
export function AppShell(props: TAppShellProps) {
  const [menuOpen, setMenuOpen] = useState(false);

  useEffect(() => {
    if (!menuOpen) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === "Escape") setMenuOpen(false);
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, [menuOpen]);

  return (
    <div className="min-h-dvh bg-slate-50 lg:pl-60">
      <a
        href="#main"
        className="sr-only z-50 rounded-md bg-white px-3 py-2 text-sm font-medium text-indigo-700 focus:not-sr-only focus:fixed focus:top-2 focus:left-2"
      >
        Skip to content
      </a>

      <aside className="fixed inset-y-0 left-0 hidden w-60 flex-col bg-slate-900 px-3 py-5 lg:flex">
        <div className="px-3 pb-8">
          <Wordmark inverted />
        </div>
        <div className="flex-1 overflow-y-auto">
          <Navigation role={props.session.user.role} badges={props.navBadges} />
        </div>
        <Account {...props} />
      </aside>

      <header className="sticky top-0 z-40 bg-slate-900 lg:hidden">
        <div className="flex h-14 items-center justify-between px-4">
          <Wordmark inverted />
          <button
            type="button"
            onClick={() => setMenuOpen((open) => !open)}
            aria-expanded={menuOpen}
            aria-controls="mobile-menu"
            className={clsx(
              "rounded-md p-2 text-slate-300 hover:bg-slate-800 hover:text-white",
              focusRingDark,
            )}
          >
            <span className="sr-only">{menuOpen ? "Close menu" : "Open menu"}</span>
            {menuOpen ? (
              <X aria-hidden="true" className="size-5" />
            ) : (
              <Menu aria-hidden="true" className="size-5" />
            )}
          </button>
        </div>
        {menuOpen ? (
          <div id="mobile-menu" className="space-y-4 border-t border-slate-800 px-3 pt-4 pb-4">
            <Navigation
              role={props.session.user.role}
              onNavigate={() => setMenuOpen(false)}
              badges={props.navBadges}
            />
            <Account {...props} />
          </div>
        ) : null}
      </header>

      <main
        id="main"
        className={clsx(
          "mx-auto w-full px-4 py-6 sm:px-6 lg:px-6",
          props.wide ? "max-w-[110rem] lg:py-8" : "max-w-6xl lg:py-8",
        )}
      >
        {props.children}
      </main>
    </div>
  );
}

export function PageHeader({ title, description }: { title: string; description?: ReactNode }) {
  return (
    <div className="mb-6">
      <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{title}</h1>
      {description ? <p className="mt-1 text-sm text-slate-500">{description}</p> : null}
    </div>
  );
}
