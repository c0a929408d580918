module github.com/nexus-commerce/nexus/migrations

go 1.26.8
