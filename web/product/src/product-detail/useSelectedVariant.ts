import { useCallback, useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { resolveVariant, type VariantLike } from './variantSelection';

/** The URL parameter that holds the selected variant: `/products/<slug>?variant=<id>` is a shareable link to it. */
export const VARIANT_PARAM = 'variant';

/**
 * The selected variant, kept in the URL (`?variant=<id>`; other parameters
 * are left alone): links share it, back/forward step through the picks, and a
 * live refetch of the product keeps it. When the product has options and the
 * URL names no variant of it (first visit, a stale id), the initial variant
 * (the first in stock) is written into the URL, replacing the entry — so the
 * selection stays put even when live stock changes would make another
 * variant "the first in stock". A pick shows at once, before the router has
 * applied the navigation (it does so in a transition).
 */
export function useSelectedVariant<V extends VariantLike>(variants: ReadonlyArray<V>, pin: boolean): [V | undefined, (v: V) => void] {
  const [params, setParams] = useSearchParams();
  const inUrl = params.get(VARIANT_PARAM);
  const [picked, setPicked] = useState<{ from: string | null; id: string } | null>(null);
  // A pick waits for its navigation; once the URL has moved on (to it, or back/forward elsewhere) the URL rules again.
  if (picked !== null && picked.from !== inUrl) setPicked(null);
  const id = picked !== null && picked.from === inUrl ? picked.id : inUrl;
  const selected = resolveVariant(variants, id);
  const selectedId = selected?.id;

  useEffect(() => {
    if (!pin || selectedId === undefined || selectedId === inUrl || picked?.from === inUrl) return;
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        next.set(VARIANT_PARAM, selectedId);
        return next;
      },
      { replace: true },
    );
  }, [pin, selectedId, inUrl, picked, setParams]);

  const select = useCallback(
    (v: V) => {
      setPicked({ from: inUrl, id: v.id });
      setParams((prev) => {
        const next = new URLSearchParams(prev);
        next.set(VARIANT_PARAM, v.id);
        return next;
      });
    },
    [inUrl, setParams],
  );
  return [selected, select];
}
