module github.com/nexus-commerce/nexus/schema

go 1.26.8
