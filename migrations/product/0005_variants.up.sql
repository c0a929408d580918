-- Variants: a product is sold as one or more variants (one per combination
-- of its options: Size x Colour), each with its own SKU, optional own price,
-- stock, images and attributes. The variant is the unit a cart line and a
-- stock movement refer to. A product without options has exactly one
-- variant, the default one.
--
--  * options: a product's option names and their values in display order.
--  * variants.options: the variant's values as [{"name","value"}] in the
--    product's option order ('[]' for the default variant).
--  * price_amount / compare_at_amount NULL: the product's price applies.
--  * variants are soft-deleted like products (orders keep referring to
--    them); SKUs are unique among live variants.
--  * products.stock stays, as the total over live variants, and
--    products.option_values ('size=m', lower-cased, for every live
--    variant's values) serves the option filter with a GIN index; both are
--    kept by the variants_rollup trigger, so every writer (mutations, seed,
--    imports) keeps them right.
--  * every existing product gets one default variant carrying its SKU and
--    stock (the down migration folds them back).

CREATE TABLE product.options (
    id         uuid PRIMARY KEY,
    product_id uuid NOT NULL REFERENCES product.products (id) ON DELETE CASCADE,
    position   integer NOT NULL CHECK (position >= 0),
    name       text NOT NULL CHECK (length(name) BETWEEN 1 AND 60),
    "values"   text[] NOT NULL CHECK (cardinality("values") BETWEEN 1 AND 50),
    UNIQUE (product_id, position)
);
CREATE UNIQUE INDEX options_name_key ON product.options (product_id, lower(name));

CREATE TABLE product.variants (
    id                uuid PRIMARY KEY,
    product_id        uuid NOT NULL REFERENCES product.products (id) ON DELETE CASCADE,
    sku               text NOT NULL CHECK (length(sku) BETWEEN 1 AND 64),
    options           jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(options) = 'array'),
    price_amount      bigint CHECK (price_amount IS NULL OR price_amount >= 0),
    compare_at_amount bigint CHECK (compare_at_amount IS NULL OR compare_at_amount > 0),
    stock             integer NOT NULL DEFAULT 0 CHECK (stock >= 0),
    images            jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(images) = 'array'),
    attributes        jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(attributes) = 'array'),
    is_default        boolean NOT NULL DEFAULT false,
    position          integer NOT NULL DEFAULT 0 CHECK (position >= 0),
    version           integer NOT NULL DEFAULT 1 CHECK (version >= 1),
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now(),
    deleted_at        timestamptz,
    CHECK (compare_at_amount IS NULL OR price_amount IS NULL OR compare_at_amount > price_amount),
    CHECK (NOT is_default OR options = '[]')
);
CREATE UNIQUE INDEX variants_sku_live_key ON product.variants (sku) WHERE deleted_at IS NULL;
CREATE INDEX variants_product_idx ON product.variants (product_id, position) WHERE deleted_at IS NULL;
CREATE UNIQUE INDEX variants_default_key ON product.variants (product_id) WHERE is_default AND deleted_at IS NULL;

ALTER TABLE product.products ADD COLUMN option_values text[] NOT NULL DEFAULT '{}';

-- Every product gets its default variant (deleted products' variants are
-- deleted with them, so their SKUs stay free).
INSERT INTO product.variants (id, product_id, sku, stock, is_default, created_at, updated_at, deleted_at)
SELECT gen_random_uuid(), id, sku, stock, true, created_at, updated_at, deleted_at FROM product.products;

-- variants_rollup keeps products.stock (the live total, moved by the
-- difference so concurrent movements of two variants of one product add up
-- under the product row's lock) and products.option_values.
CREATE FUNCTION product.variants_rollup() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    pid uuid := COALESCE(NEW.product_id, OLD.product_id);
    old_live integer := 0;
    new_live integer := 0;
BEGIN
    IF TG_OP <> 'INSERT' AND OLD.deleted_at IS NULL THEN old_live := OLD.stock; END IF;
    IF TG_OP <> 'DELETE' AND NEW.deleted_at IS NULL THEN new_live := NEW.stock; END IF;
    IF new_live <> old_live THEN
        UPDATE product.products SET stock = stock + (new_live - old_live) WHERE id = pid;
    END IF;
    IF TG_OP <> 'UPDATE' OR NEW.options IS DISTINCT FROM OLD.options
       OR NEW.deleted_at IS DISTINCT FROM OLD.deleted_at THEN
        UPDATE product.products p SET option_values = COALESCE((
            SELECT array_agg(DISTINCT lower(o ->> 'name') || '=' || lower(o ->> 'value') ORDER BY lower(o ->> 'name') || '=' || lower(o ->> 'value'))
            FROM product.variants v, jsonb_array_elements(v.options) o
            WHERE v.product_id = pid AND v.deleted_at IS NULL), '{}')
        WHERE p.id = pid;
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER variants_rollup AFTER INSERT OR UPDATE OR DELETE ON product.variants
    FOR EACH ROW EXECUTE FUNCTION product.variants_rollup();

CREATE INDEX products_option_values_idx ON product.products USING gin (option_values) WITH (fastupdate = off);
