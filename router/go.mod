module github.com/nexus-commerce/nexus/router

go 1.26.8
