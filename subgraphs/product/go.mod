module github.com/nexus-commerce/nexus/subgraphs/product

go 1.26.8
