module github.com/nexus-commerce/nexus/subgraphs/auth

go 1.26.8
