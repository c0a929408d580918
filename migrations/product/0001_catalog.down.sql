DROP TABLE IF EXISTS product.products;
DROP TABLE IF EXISTS product.categories;
DROP FUNCTION IF EXISTS product.products_category_fields();
DROP FUNCTION IF EXISTS product.categories_propagate();
