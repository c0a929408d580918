// Package model holds the auth subgraph's GraphQL types: the generated
// inputs, enums and connections (models_gen.go) and the hand-written views
// of domain types (User, Session) and the DateTime scalar.
package model
