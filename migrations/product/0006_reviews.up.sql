-- Reviews: one per customer and product, written by signed-in customers and
-- moderated (hidden/restored) by admins. products.rating and review_count
-- are the mean and number of a product's VISIBLE reviews; the store
-- recomputes them from this table in the transaction of every review change
-- (with the product row locked), so they are never out of step.
--
-- author_id and moderated_by are auth user ids: no foreign key, since a
-- domain never references another domain's schema.
CREATE TABLE product.reviews (
    id                uuid PRIMARY KEY,
    product_id        uuid NOT NULL REFERENCES product.products (id) ON DELETE CASCADE,
    author_id         uuid NOT NULL,
    author_name       text NOT NULL CHECK (char_length(author_name) BETWEEN 1 AND 60),
    rating            smallint NOT NULL CHECK (rating BETWEEN 1 AND 5),
    title             text NOT NULL CHECK (char_length(title) BETWEEN 1 AND 120),
    body              text NOT NULL CHECK (char_length(body) BETWEEN 1 AND 5000),
    status            text NOT NULL DEFAULT 'VISIBLE' CHECK (status IN ('VISIBLE', 'HIDDEN')),
    -- the reason of the last hide or restore, by whom and when
    moderation_reason text CHECK (char_length(moderation_reason) BETWEEN 1 AND 500),
    moderated_by      uuid,
    moderated_at      timestamptz,
    -- set from orders once the order subgraph exists
    verified_purchase boolean NOT NULL DEFAULT false,
    -- the number of review_votes rows, kept in the voting transaction
    helpful_count     integer NOT NULL DEFAULT 0 CHECK (helpful_count >= 0),
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT reviews_one_per_author UNIQUE (product_id, author_id)
);

-- A product's reviews in each order (ties: newest, then highest id). Not
-- partial on status: the list includes the viewer's own hidden review, and
-- hidden reviews are few, so the filter costs nothing.
CREATE INDEX reviews_product_newest_idx  ON product.reviews (product_id, created_at DESC, id DESC);
CREATE INDEX reviews_product_highest_idx ON product.reviews (product_id, rating DESC, created_at DESC, id DESC);
CREATE INDEX reviews_product_lowest_idx  ON product.reviews (product_id, rating ASC, created_at DESC, id DESC);
CREATE INDEX reviews_product_helpful_idx ON product.reviews (product_id, helpful_count DESC, created_at DESC, id DESC);
-- The admins' moderation list: newest first, optionally by status.
CREATE INDEX reviews_newest_idx        ON product.reviews (created_at DESC, id DESC);
CREATE INDEX reviews_status_newest_idx ON product.reviews (status, created_at DESC, id DESC);

-- Helpful votes: one per voter and review; deleting a review deletes them.
CREATE TABLE product.review_votes (
    review_id  uuid NOT NULL REFERENCES product.reviews (id) ON DELETE CASCADE,
    voter_id   uuid NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (review_id, voter_id)
);

-- Until now rating and review_count were demo numbers; there are no reviews
-- yet, so the consistent values are 0 (the seed writes reviews and their
-- rating together).
UPDATE product.products SET rating = 0, review_count = 0 WHERE rating <> 0 OR review_count <> 0;
