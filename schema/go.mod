module github.com/nexus-commerce/nexus/schema

go 1.26.8

require (
	github.com/agnivade/levenshtein v1.2.2 // indirect
	github.com/vektah/gqlparser/v2 v2.5.64 // indirect
)
