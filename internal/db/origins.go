package db

// Claims have no index on origin_id (schema version 3 dropped it: on the
// 10k AllSides articles, keeping it up cost about a sixth of the writer's
// CPU time, more than any other index, because every batch inserts into
// it all over). An origin is either the source of a chain's last hop or,
// for a chain without hops, the article's outlet (see schema.sql), and
// chain_hops and articles are both indexed by source, so the claims of an
// origin are looked up through them.

// originClaims is SQL for the ids of the claims whose origin is one of the
// sources that set names; set is SQL for source ids, such as "?1",
// "SELECT value FROM json_each(?1)" or a correlated "s.id".
func originClaims(set string) string {
	return `SELECT c.id FROM chain_hops h JOIN claims c ON c.id = h.claim_id
		WHERE h.source_id IN (` + set + `) AND c.origin_id IN (` + set + `)
		UNION SELECT c.id FROM articles a JOIN claims c ON c.article_id = a.id
		WHERE a.outlet_id IN (` + set + `) AND c.origin_id IN (` + set + `)`
}
