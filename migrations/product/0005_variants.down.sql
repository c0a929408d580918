-- Back to 0004: products keep their total stock and their own SKU; options,
-- variants (with their own SKUs, prices, images and attributes) are dropped.
DROP INDEX product.products_option_values_idx;
DROP TRIGGER variants_rollup ON product.variants;
DROP FUNCTION product.variants_rollup();
ALTER TABLE product.products DROP COLUMN option_values;
DROP TABLE product.variants;
DROP TABLE product.options;
