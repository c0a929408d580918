// Package model holds the product subgraph's GraphQL types: the generated
// connection, filter and sort types (models_gen.go), thin entity views over
// the domain types, and the DateTime scalar's wire format.
package model
