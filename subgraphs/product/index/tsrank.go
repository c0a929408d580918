package index

// ts_rank(search, query) of PostgreSQL 15 (src/backend/utils/adt/tsrank.c,
// calc_rank_or with the default weights), reproduced bit for bit so the
// index ranks a term exactly as the SQL listing (store/search.go) does:
// the float arithmetic is float32 where tsrank.c uses float and float64
// where it divides by the double constant 1.64493406685; every conversion
// is explicit so Go cannot fuse operations. TestTSRankMatchesPostgreSQL
// compares it with PostgreSQL on random documents.

// weights are ts_rank's defaults, indexed by tsvector weight (D, C, B, A).
var weights = [4]float32{0.1, 0.2, 0.4, 1.0}

// entryInner is the part of calc_rank_or's sum that depends on one
// tsvector entry: wjm + resj - wjm / ((jm+1)*(jm+1)), in float.
func entryInner(ws []uint8) float32 {
	resj, wjm, jm := float32(0), float32(-1), 0
	for j, w := range ws {
		resj = float32(resj + float32(weights[w]/float32((j+1)*(j+1))))
		if weights[w] > wjm {
			wjm, jm = weights[w], j
		}
	}
	return float32(float32(wjm+resj) - float32(wjm/float32((jm+1)*(jm+1))))
}

// addEntry is res = res + inner / 1.64493406685 (double, stored in float).
func addEntry(res, inner float32) float32 {
	return float32(float64(res) + float64(inner)/1.64493406685)
}

// finishRank is res / size (float by int in C: float) as float8.
func finishRank(res float32, size int) float64 {
	if size > 0 {
		res = float32(res / float32(size))
	}
	return float64(res)
}
