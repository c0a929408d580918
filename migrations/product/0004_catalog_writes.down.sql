-- Back to 0003: deleted rows are removed for good (they would break the
-- unique constraints), then the columns and indexes go.
DROP INDEX product.products_category_id_idx;
DELETE FROM product.products WHERE deleted_at IS NOT NULL;
DELETE FROM product.categories WHERE deleted_at IS NOT NULL;
DROP INDEX product.categories_slug_live_key;
DROP INDEX product.products_sku_live_key;
DROP INDEX product.products_slug_live_key;
ALTER TABLE product.categories ADD CONSTRAINT categories_slug_key UNIQUE (slug);
ALTER TABLE product.products ADD CONSTRAINT products_sku_key UNIQUE (sku);
ALTER TABLE product.products ADD CONSTRAINT products_slug_key UNIQUE (slug);
ALTER TABLE product.categories DROP COLUMN deleted_at;
ALTER TABLE product.categories DROP COLUMN version;
ALTER TABLE product.products DROP COLUMN deleted_at;
ALTER TABLE product.products DROP COLUMN version;
