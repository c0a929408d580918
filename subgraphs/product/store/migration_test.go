package store

import (
	"context"
	"io/fs"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/jmoiron/sqlx"

	"github.com/nexus-commerce/nexus/migrations"
	"github.com/nexus-commerce/nexus/subgraphs/kit/migrate"
	"github.com/nexus-commerce/nexus/subgraphs/kit/pgtest"
	"github.com/nexus-commerce/nexus/subgraphs/product"
)

// migrationsUpTo returns the product migrations numbered up to last.
func migrationsUpTo(t *testing.T, last string) fs.FS {
	t.Helper()
	all, err := migrations.FS("product")
	if err != nil {
		t.Fatal(err)
	}
	entries, err := fs.ReadDir(all, ".")
	if err != nil {
		t.Fatal(err)
	}
	out := fstest.MapFS{}
	for _, e := range entries {
		if e.Name()[:4] <= last {
			b, err := fs.ReadFile(all, e.Name())
			if err != nil {
				t.Fatal(err)
			}
			out[e.Name()] = &fstest.MapFile{Data: b}
		}
	}
	return out
}

// TestMigration0005UpAndDown: products that exist before 0005 get one
// default variant each carrying their SKU and stock (a deleted product's
// is deleted too); stock then moves through the variant; going down
// leaves every product its total stock and own SKU; going up again works.
func TestMigration0005UpAndDown(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db := pgtest.New(t)
	up := func(fsys fs.FS) {
		t.Helper()
		if err := migrate.Up(ctx, db, "product", fsys, nil); err != nil {
			t.Fatal(err)
		}
	}
	up(migrationsUpTo(t, "0004"))
	mustExec(t, db, `INSERT INTO product.categories (id, name, slug) VALUES ('00000000-0000-0000-0000-0000000000c1', 'Shoes', 'shoes')`)
	for _, p := range []struct {
		id, sku string
		stock   int
		deleted bool
	}{
		{"00000000-0000-0000-0000-000000000001", "A-1", 5, false},
		{"00000000-0000-0000-0000-000000000002", "B-2", 0, false},
		{"00000000-0000-0000-0000-000000000003", "C-3", 9, true},
	} {
		mustExec(t, db, `INSERT INTO product.products (id, name, slug, price_amount, currency, category_id, stock, sku, deleted_at)
			VALUES ($1, $2, $3, 1000, 'USD', '00000000-0000-0000-0000-0000000000c1', $4, $5, CASE WHEN $6 THEN now() END)`,
			p.id, "Product "+p.sku, strings.ToLower(p.sku), p.stock, p.sku, p.deleted)
	}

	up(migrationsUpTo(t, "9999"))
	type variantRow struct {
		ProductID string `db:"product_id"`
		SKU       string `db:"sku"`
		Stock     int    `db:"stock"`
		IsDefault bool   `db:"is_default"`
		Deleted   bool   `db:"deleted"`
	}
	var vs []variantRow
	if err := db.Select(&vs, `SELECT product_id, sku, stock, is_default, deleted_at IS NOT NULL AS deleted FROM product.variants ORDER BY sku`); err != nil {
		t.Fatal(err)
	}
	want := []variantRow{
		{"00000000-0000-0000-0000-000000000001", "A-1", 5, true, false},
		{"00000000-0000-0000-0000-000000000002", "B-2", 0, true, false},
		{"00000000-0000-0000-0000-000000000003", "C-3", 9, true, true},
	}
	if len(vs) != len(want) {
		t.Fatalf("variants %+v", vs)
	}
	for i := range want {
		if vs[i] != want[i] {
			t.Fatalf("variant %d = %+v, want %+v", i, vs[i], want[i])
		}
	}

	s := New(db)
	if _, err := s.AdjustStock(ctx, product.StockAdjustment{ID: "00000000-0000-0000-0000-000000000001", Delta: 3, Reason: "recount"}); err != nil {
		t.Fatal(err)
	}
	p, err := s.SetProductOptions(ctx, product.SetOptions{ProductID: "00000000-0000-0000-0000-000000000002", Version: 1,
		Options: []product.OptionInput{{Name: "Size", Values: []string{"S", "M"}}}})
	if err != nil {
		t.Fatal(err)
	}
	if p, err = s.GenerateVariants(ctx, p.ID, p.Version); err != nil {
		t.Fatal(err)
	}
	vars, _ := s.VariantsByProductIDs(ctx, []string{p.ID})
	if _, err := s.AdjustStock(ctx, product.StockAdjustment{VariantID: vars[0][1].ID, Delta: 4, Reason: "delivery"}); err != nil {
		t.Fatal(err)
	}

	// Down to 0004, as an operator rolling back would: every later
	// migration's down file, newest first.
	all, _ := migrations.FS("product")
	downs, err := fs.Glob(all, "*.down.sql")
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(downs)
	slices.Reverse(downs)
	for _, name := range downs {
		if name[:4] < "0005" {
			break
		}
		b, err := fs.ReadFile(all, name)
		if err != nil {
			t.Fatal(err)
		}
		mustExec(t, db, string(b))
	}
	mustExec(t, db, `UPDATE product.schema_migrations SET version = 4`)
	var stocks []struct {
		SKU   string `db:"sku"`
		Stock int    `db:"stock"`
	}
	if err := db.Select(&stocks, `SELECT sku, stock FROM product.products ORDER BY sku`); err != nil {
		t.Fatal(err)
	}
	if len(stocks) != 3 || stocks[0].SKU != "A-1" || stocks[0].Stock != 8 || stocks[1].SKU != "B-2" || stocks[1].Stock != 4 || stocks[2].Stock != 9 {
		t.Fatalf("after down: %+v", stocks)
	}
	var tables int
	if err := db.Get(&tables, `SELECT count(*) FROM information_schema.tables WHERE table_schema = 'product' AND table_name IN ('variants', 'options')`); err != nil || tables != 0 {
		t.Fatalf("%d variant tables left, %v", tables, err)
	}

	up(migrationsUpTo(t, "9999"))
	var n, sum int
	if err := db.QueryRowx(`SELECT count(*), sum(stock) FROM product.variants WHERE deleted_at IS NULL AND is_default`).Scan(&n, &sum); err != nil || n != 2 || sum != 12 {
		t.Fatalf("up again: %d live default variants holding %d units, %v", n, sum, err)
	}
}

func mustExec(t *testing.T, db *sqlx.DB, q string, args ...any) {
	t.Helper()
	if _, err := db.Exec(q, args...); err != nil {
		t.Fatalf("%v\n%s", err, q)
	}
}
