import { Button, SearchField } from '@nexus/ui';
import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';

/**
 * A plain product search used when the product remote's SearchBox cannot be loaded: no suggestions, but submitting
 * still goes to /products?q=…, so search keeps working.
 */
export function FallbackSearch() {
  const [q, setQ] = useState('');
  const navigate = useNavigate();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const term = q.trim();
    navigate(term ? `/products?${new URLSearchParams({ q: term }).toString()}` : '/products');
  };
  return (
    <form role="search" aria-label="Products" onSubmit={submit} className="flex w-full gap-2">
      <SearchField label="Search products" hideLabel placeholder="Search products" value={q} onChange={(e) => setQ(e.target.value)} className="flex-1" />
      <Button type="submit" variant="secondary">
        Search
      </Button>
    </form>
  );
}
