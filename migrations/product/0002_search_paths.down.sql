-- Back to 0001: products.category_name (the category's own name) in the
-- search vector, paths written by the loader, GIN indexes with a pending
-- list, the in-stock index and the unordered sold-out index.
DROP INDEX product.products_sold_out_idx;
CREATE INDEX products_sold_out_idx ON product.products (id) WHERE stock = 0;
CREATE INDEX products_in_stock_idx ON product.products (price_amount, id) WHERE stock > 0;
DROP INDEX product.products_category_idx;
CREATE INDEX products_category_idx ON product.products USING gin (category_path);
DROP INDEX product.products_tags_idx;
CREATE INDEX products_tags_idx ON product.products USING gin (tags);

DROP TRIGGER categories_cascade ON product.categories;
DROP FUNCTION product.categories_cascade();
DROP TRIGGER categories_path ON product.categories;
DROP FUNCTION product.categories_path();

CREATE OR REPLACE FUNCTION product.products_category_fields() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    SELECT c.name, c.path INTO NEW.category_name, NEW.category_path
    FROM product.categories c WHERE c.id = NEW.category_id;
    RETURN NEW;
END $$;

ALTER TABLE product.products DROP COLUMN search;
ALTER TABLE product.products RENAME COLUMN category_names TO category_name;
UPDATE product.products SET category_id = category_id;
ALTER TABLE product.products ADD COLUMN search tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('english', name), 'A') ||
    setweight(to_tsvector('english', category_name), 'B') ||
    setweight(to_tsvector('english', description), 'C')) STORED;
CREATE INDEX products_search_idx ON product.products USING gin (search);

ALTER TABLE product.categories DROP COLUMN path_names;
ALTER TABLE product.categories ALTER COLUMN path DROP DEFAULT;

CREATE FUNCTION product.categories_propagate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE product.products p SET category_name = c.name, category_path = c.path
    FROM product.categories c
    WHERE p.category_id = c.id AND NEW.id = ANY (c.path);
    RETURN NULL;
END $$;
CREATE TRIGGER categories_propagate AFTER UPDATE OF name, path ON product.categories
    FOR EACH ROW EXECUTE FUNCTION product.categories_propagate();
