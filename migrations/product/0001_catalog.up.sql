-- The catalog: a category tree and products, in the product schema.
-- products carries its category's name and ancestor path (kept current by
-- triggers) so search and subtree filters are served by indexes on one table.

CREATE TABLE product.categories (
    id          uuid PRIMARY KEY,
    name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
    slug        text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    description text NOT NULL DEFAULT '',
    parent_id   uuid REFERENCES product.categories (id),
    image_url   text NOT NULL DEFAULT '',
    -- ancestors from the root down to and including this category
    path        uuid[] NOT NULL
);
CREATE INDEX categories_parent_idx ON product.categories (parent_id);

CREATE TABLE product.products (
    id                uuid PRIMARY KEY,
    name              text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    slug              text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    description       text NOT NULL DEFAULT '',
    price_amount      bigint NOT NULL CHECK (price_amount >= 0),
    currency          char(3) NOT NULL DEFAULT 'USD',
    compare_at_amount bigint CHECK (compare_at_amount IS NULL OR compare_at_amount > price_amount),
    category_id       uuid NOT NULL REFERENCES product.categories (id),
    category_name     text NOT NULL DEFAULT '',
    category_path     uuid[] NOT NULL DEFAULT '{}',
    tags              text[] NOT NULL DEFAULT '{}',
    rating            double precision NOT NULL DEFAULT 0 CHECK (rating BETWEEN 0 AND 5),
    review_count      integer NOT NULL DEFAULT 0 CHECK (review_count >= 0),
    stock             integer NOT NULL DEFAULT 0 CHECK (stock >= 0),
    sku               text NOT NULL UNIQUE,
    images            jsonb NOT NULL DEFAULT '[]',
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now(),
    search            tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english', name), 'A') ||
        setweight(to_tsvector('english', category_name), 'B') ||
        setweight(to_tsvector('english', description), 'C')) STORED
);

-- Every filter and sort of the products query has an index:
CREATE INDEX products_search_idx   ON product.products USING gin (search);        -- filter.search, RELEVANCE
CREATE INDEX products_tags_idx     ON product.products USING gin (tags);          -- filter.tags
CREATE INDEX products_category_idx ON product.products USING gin (category_path); -- filter.categoryId (subtree)
CREATE INDEX products_price_idx    ON product.products (price_amount, id);        -- PRICE_ASC/DESC, min/maxPrice
CREATE INDEX products_rating_idx   ON product.products (rating DESC, review_count DESC, id DESC); -- RATING
CREATE INDEX products_newest_idx   ON product.products (created_at DESC, id DESC); -- NEWEST
CREATE INDEX products_in_stock_idx ON product.products (price_amount, id) WHERE stock > 0; -- inStock: true
CREATE INDEX products_sold_out_idx ON product.products (id) WHERE stock = 0;       -- inStock: false

-- Keep a product's denormalized category fields current.
CREATE FUNCTION product.products_category_fields() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    SELECT c.name, c.path INTO NEW.category_name, NEW.category_path
    FROM product.categories c WHERE c.id = NEW.category_id;
    RETURN NEW;
END $$;
CREATE TRIGGER products_category_fields BEFORE INSERT OR UPDATE OF category_id ON product.products
    FOR EACH ROW EXECUTE FUNCTION product.products_category_fields();

CREATE FUNCTION product.categories_propagate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE product.products p SET category_name = c.name, category_path = c.path
    FROM product.categories c
    WHERE p.category_id = c.id AND NEW.id = ANY (c.path);
    RETURN NULL;
END $$;
CREATE TRIGGER categories_propagate AFTER UPDATE OF name, path ON product.categories
    FOR EACH ROW EXECUTE FUNCTION product.categories_propagate();
