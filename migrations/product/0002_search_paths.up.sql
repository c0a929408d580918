-- Search and tree maintenance move into the database:
--  * a category's path and path_names (ancestors' ids and names, root first)
--    are computed by a trigger from its parent, so writers only set
--    parent_id, and a rename or move cascades down the subtree;
--  * a product's search text includes its category's and every ancestor's
--    name ("Electronics Audio Headphones"), so "audio" finds headphones;
--  * GIN indexes are built without a pending list (fastupdate = off): the
--    catalog is read far more than written, searches stay predictable and
--    the planner's cost estimates stay honest right after a bulk load;
--  * the sold-out index is ordered like NEWEST so it serves both the count
--    and the default page of inStock: false; the in-stock index goes (an
--    in-stock listing matches most rows and is served by the sort index).

DROP TRIGGER categories_propagate ON product.categories;
DROP FUNCTION product.categories_propagate();

ALTER TABLE product.categories ALTER COLUMN path SET DEFAULT '{}';
ALTER TABLE product.categories ADD COLUMN path_names text[] NOT NULL DEFAULT '{}';
WITH RECURSIVE t (id, ids, names) AS (
    SELECT id, ARRAY[id], ARRAY[name] FROM product.categories WHERE parent_id IS NULL
    UNION ALL
    SELECT c.id, t.ids || c.id, t.names || c.name FROM product.categories c JOIN t ON c.parent_id = t.id
)
UPDATE product.categories c SET path = t.ids, path_names = t.names FROM t WHERE c.id = t.id;

-- categories_path derives path and path_names from the parent row and
-- refuses cycles (a category below itself).
CREATE FUNCTION product.categories_path() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    parent product.categories%ROWTYPE;
BEGIN
    IF NEW.parent_id IS NULL THEN
        NEW.path := ARRAY[NEW.id];
        NEW.path_names := ARRAY[NEW.name];
        RETURN NEW;
    END IF;
    SELECT * INTO parent FROM product.categories WHERE id = NEW.parent_id;
    IF NEW.id = ANY (parent.path) OR NEW.id = NEW.parent_id THEN
        RAISE EXCEPTION 'category % cannot be moved below itself', NEW.id
            USING ERRCODE = 'check_violation';
    END IF;
    -- An unknown parent yields a partial path here; the foreign key rejects the row.
    NEW.path := COALESCE(parent.path, '{}') || NEW.id;
    NEW.path_names := COALESCE(parent.path_names, '{}') || NEW.name;
    RETURN NEW;
END $$;
CREATE TRIGGER categories_path BEFORE INSERT OR UPDATE OF id, name, parent_id, path, path_names ON product.categories
    FOR EACH ROW EXECUTE FUNCTION product.categories_path();

-- categories_cascade pushes a changed path or name to the children (whose
-- own triggers recompute and cascade further) and to this category's products.
CREATE FUNCTION product.categories_cascade() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.path IS DISTINCT FROM OLD.path OR NEW.path_names IS DISTINCT FROM OLD.path_names THEN
        UPDATE product.categories SET path = path WHERE parent_id = NEW.id;
        UPDATE product.products SET category_id = category_id WHERE category_id = NEW.id;
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER categories_cascade AFTER UPDATE OF id, name, parent_id, path, path_names ON product.categories
    FOR EACH ROW EXECUTE FUNCTION product.categories_cascade();

-- The search vector now weighs name (A) over the category path names (B)
-- over the description (C).
DROP INDEX product.products_search_idx;
ALTER TABLE product.products DROP COLUMN search;
ALTER TABLE product.products RENAME COLUMN category_name TO category_names;
ALTER TABLE product.products ADD COLUMN search tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('english', name), 'A') ||
    setweight(to_tsvector('english', category_names), 'B') ||
    setweight(to_tsvector('english', description), 'C')) STORED;

CREATE OR REPLACE FUNCTION product.products_category_fields() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    SELECT c.path, array_to_string(c.path_names, ' ') INTO NEW.category_path, NEW.category_names
    FROM product.categories c WHERE c.id = NEW.category_id;
    -- An unknown category: leave the row to the foreign key's clear error.
    NEW.category_path := COALESCE(NEW.category_path, '{}');
    NEW.category_names := COALESCE(NEW.category_names, '');
    RETURN NEW;
END $$;
UPDATE product.products SET category_id = category_id;

CREATE INDEX products_search_idx ON product.products USING gin (search) WITH (fastupdate = off);
DROP INDEX product.products_tags_idx;
CREATE INDEX products_tags_idx ON product.products USING gin (tags) WITH (fastupdate = off);
DROP INDEX product.products_category_idx;
CREATE INDEX products_category_idx ON product.products USING gin (category_path) WITH (fastupdate = off);
DROP INDEX product.products_in_stock_idx;
DROP INDEX product.products_sold_out_idx;
CREATE INDEX products_sold_out_idx ON product.products (created_at DESC, id DESC) WHERE stock = 0;
