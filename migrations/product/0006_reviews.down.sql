-- Back to 0005: reviews and votes are dropped, and with them the basis of
-- every rating, so ratings and review counts go back to 0.
DROP TABLE product.review_votes;
DROP TABLE product.reviews;
UPDATE product.products SET rating = 0, review_count = 0 WHERE rating <> 0 OR review_count <> 0;
