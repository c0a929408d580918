package wgcoracle

// Config is the part of Cosmo's router execution config (protobuf JSON,
// camelCase names) that describes planning: what Cosmo's router hands to
// graphql-go-tools. Fields the comparison does not use are not decoded.
type Config struct {
	EngineConfig struct {
		DatasourceConfigurations []DataSource         `json:"datasourceConfigurations"`
		FieldConfigurations      []FieldConfiguration `json:"fieldConfigurations"`
		// GraphqlSchema is the schema Cosmo's router plans against.
		GraphqlSchema string `json:"graphqlSchema"`
		// GraphqlClientSchema is written when it differs from
		// GraphqlSchema: the schema without @inaccessible elements.
		GraphqlClientSchema string `json:"graphqlClientSchema"`
	} `json:"engineConfig"`
	Subgraphs []struct {
		ID         string `json:"id"`
		Name       string `json:"name"`
		RoutingURL string `json:"routingUrl"`
	} `json:"subgraphs"`
}

// DataSource is one subgraph's planner configuration.
type DataSource struct {
	ID               string            `json:"id"`
	RootNodes        []TypeField       `json:"rootNodes"`
	ChildNodes       []TypeField       `json:"childNodes"`
	Keys             []RequiredField   `json:"keys"`
	Requires         []RequiredField   `json:"requires"`
	Provides         []RequiredField   `json:"provides"`
	EntityInterfaces []EntityInterface `json:"entityInterfaces"`
	InterfaceObjects []EntityInterface `json:"interfaceObjects"`
	Cost             *Cost             `json:"costConfiguration"`
}

// TypeField lists a type's resolvable and external fields in one subgraph.
type TypeField struct {
	TypeName           string   `json:"typeName"`
	FieldNames         []string `json:"fieldNames"`
	ExternalFieldNames []string `json:"externalFieldNames"`
}

// RequiredField is a key (FieldName empty), requires or provides field set.
type RequiredField struct {
	TypeName              string `json:"typeName"`
	FieldName             string `json:"fieldName"`
	SelectionSet          string `json:"selectionSet"`
	DisableEntityResolver bool   `json:"disableEntityResolver"`
}

// EntityInterface maps an interface to its concrete types.
type EntityInterface struct {
	InterfaceTypeName string   `json:"interfaceTypeName"`
	ConcreteTypeNames []string `json:"concreteTypeNames"`
}

// FieldConfiguration carries a field's arguments and authorization.
type FieldConfiguration struct {
	TypeName               string `json:"typeName"`
	FieldName              string `json:"fieldName"`
	ArgumentsConfiguration []struct {
		Name string `json:"name"`
	} `json:"argumentsConfiguration"`
	AuthorizationConfiguration *struct {
		RequiresAuthentication bool `json:"requiresAuthentication"`
		RequiredOrScopes       []struct {
			RequiredAndScopes []string `json:"requiredAndScopes"`
		} `json:"requiredOrScopes"`
	} `json:"authorizationConfiguration"`
}

// Cost is a subgraph's @cost / @listSize configuration.
type Cost struct {
	FieldWeights []struct {
		TypeName        string         `json:"typeName"`
		FieldName       string         `json:"fieldName"`
		Weight          *int           `json:"weight"`
		ArgumentWeights map[string]int `json:"argumentWeights"`
	} `json:"fieldWeights"`
	ListSizes []struct {
		TypeName                  string   `json:"typeName"`
		FieldName                 string   `json:"fieldName"`
		AssumedSize               *int     `json:"assumedSize"`
		SlicingArguments          []string `json:"slicingArguments"`
		SizedFields               []string `json:"sizedFields"`
		RequireOneSlicingArgument *bool    `json:"requireOneSlicingArgument"`
	} `json:"listSizes"`
	TypeWeights map[string]int `json:"typeWeights"`
}
