// Package workload is what the federation benchmark sends and what it must
// get back: the nested query of the public gateway benchmarks and its
// expected response, built from the dataset independently of any router.
package workload

// Query is the benchmark operation of The Guild's and Hive Router's
// gateway benchmarks: users → reviews → product → reviews → author →
// reviews → product, plus the top products with their reviews' authors.
// It touches all four subgraphs, needs entity calls, @requires
// (shippingEstimate) and @provides (author.username), and answers with
// about 88 KB.
const Query = `fragment User on User {
  id
  username
  name
}

fragment Review on Review {
  id
  body
}

fragment Product on Product {
  inStock
  name
  price
  shippingEstimate
  upc
  weight
}

query TestQuery {
  users {
    ...User
    reviews {
      ...Review
      product {
        ...Product
        reviews {
          ...Review
          author {
            ...User
            reviews {
              ...Review
              product {
                ...Product
              }
            }
          }
        }
      }
    }
  }
  topProducts {
    ...Product
    reviews {
      ...Review
      author {
        ...User
        reviews {
          ...Review
          product {
            ...Product
          }
        }
      }
    }
  }
}`

// TopProductsQuery is the part of Query the products subgraph answers on
// its own: the benchmark's "subgraph directly" ceiling.
const TopProductsQuery = `query TopProducts {
  topProducts {
    name
    price
    upc
    weight
  }
}`
