-- Search quality (#14): prefix matching and typo tolerance next to the
-- full-text ranking. pg_trgm's word_similarity finds "snekers" in
-- "Running Sneakers"; trigram GIN indexes serve it on product and category
-- names (fastupdate off like the other catalog GIN indexes: read-mostly).
-- The extension may already exist (another schema uses it), hence IF NOT
-- EXISTS here and no DROP EXTENSION in the down migration. It goes to
-- public so its operators resolve on every connection's search_path.
CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public; -- public: on every search_path

CREATE INDEX products_name_trgm_idx ON product.products USING gin (name gin_trgm_ops) WITH (fastupdate = off) WHERE deleted_at IS NULL;
CREATE INDEX categories_name_trgm_idx ON product.categories USING gin (name gin_trgm_ops) WITH (fastupdate = off);
