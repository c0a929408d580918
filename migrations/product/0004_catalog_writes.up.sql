-- Catalog writes (admin mutations):
--  * version counts the edits of a product's or category's editable fields;
--    an update names the version it edits and is refused (CONFLICT) when
--    the row has moved on (optimistic concurrency, no locks held while an
--    admin edits). Stock moves through adjustStock and leaves it alone, so
--    a sale during an edit is not a conflict.
--  * deleted_at soft-deletes: a product may still be referenced by orders
--    and events, so its row stays, hidden from shoppers. Categories are
--    soft-deleted too, so a deleted product keeps a valid category_id.
--  * slugs and SKUs must be unique among live rows only, so a deleted
--    product's slug or SKU can be reused.
ALTER TABLE product.products ADD COLUMN version integer NOT NULL DEFAULT 1 CHECK (version >= 1);
ALTER TABLE product.products ADD COLUMN deleted_at timestamptz;
ALTER TABLE product.categories ADD COLUMN version integer NOT NULL DEFAULT 1 CHECK (version >= 1);
ALTER TABLE product.categories ADD COLUMN deleted_at timestamptz;

ALTER TABLE product.products DROP CONSTRAINT products_slug_key;
ALTER TABLE product.products DROP CONSTRAINT products_sku_key;
ALTER TABLE product.categories DROP CONSTRAINT categories_slug_key;
CREATE UNIQUE INDEX products_slug_live_key ON product.products (slug) WHERE deleted_at IS NULL;
CREATE UNIQUE INDEX products_sku_live_key ON product.products (sku) WHERE deleted_at IS NULL;
CREATE UNIQUE INDEX categories_slug_live_key ON product.categories (slug) WHERE deleted_at IS NULL;

-- deleteCategory counts live products of a category: without this index
-- that count would read every product.
CREATE INDEX products_category_id_idx ON product.products (category_id) WHERE deleted_at IS NULL;
