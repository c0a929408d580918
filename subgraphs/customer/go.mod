module github.com/nexus-commerce/nexus/subgraphs/customer

go 1.26.8
