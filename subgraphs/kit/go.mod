module github.com/nexus-commerce/nexus/subgraphs/kit

go 1.26.8
