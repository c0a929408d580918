DROP TABLE IF EXISTS customer.wishlist_items;
DROP TABLE IF EXISTS customer.payment_methods;
DROP TABLE IF EXISTS customer.payment_tokens;
DROP TABLE IF EXISTS customer.addresses;
DROP TABLE IF EXISTS customer.profiles;
