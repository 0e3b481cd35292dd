import { ChevronLeft, ChevronRight } from "lucide-react";
import { Button } from "./button";

/** Pages needed for `total` rows; never less than one, so "Page 1 of 1" shows for an empty list. */
export function pageCountFor(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / pageSize));
}

export type TPagerButtonsProps = {
  /** 1-based. */
  page: number;
  pageCount: number;
  onPageChange: (page: number) => void;
};

/** The previous / next page buttons of a server-paged table (placed by the caller's layout). */
export function PagerButtons({ page, pageCount, onPageChange }: TPagerButtonsProps) {
  return (
    <>
      <Button
        variant="secondary"
        size="sm"
        aria-label="Previous page"
        disabled={page <= 1}
        onClick={() => onPageChange(page - 1)}
        icon={<ChevronLeft aria-hidden="true" className="size-4" />}
      />
      <Button
        variant="secondary"
        size="sm"
        aria-label="Next page"
        disabled={page >= pageCount}
        onClick={() => onPageChange(page + 1)}
        icon={<ChevronRight aria-hidden="true" className="size-4" />}
      />
    </>
  );
}
