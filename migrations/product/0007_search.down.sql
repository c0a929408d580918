-- pg_trgm stays installed: other schemas may use it.
DROP INDEX product.categories_name_trgm_idx;
DROP INDEX product.products_name_trgm_idx;
