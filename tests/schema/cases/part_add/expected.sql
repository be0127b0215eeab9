-- migrate:up
CREATE TABLE shop.events (
	id bigint NOT NULL,
	created_at date NOT NULL,
	region text NOT NULL,
	payload jsonb
) PARTITION BY RANGE (created_at);
CREATE TABLE shop.logs (
	at date NOT NULL,
	line text NOT NULL
) PARTITION BY RANGE (at, lower(line));
CREATE TABLE shop.tokens (
	id bigint NOT NULL,
	value text NOT NULL
) PARTITION BY HASH (id);
CREATE TABLE shop.events_2024_01 PARTITION OF shop.events FOR VALUES FROM ('2024-01-01') TO ('2024-02-01');
CREATE TABLE shop.events_2024_02 PARTITION OF shop.events FOR VALUES FROM ('2024-02-01') TO ('2024-03-01') PARTITION BY LIST (region);
CREATE TABLE shop.events_2024_02_eu PARTITION OF shop.events_2024_02 FOR VALUES IN ('eu', 'uk');
CREATE TABLE shop.events_2024_02_rest PARTITION OF shop.events_2024_02 DEFAULT;
CREATE TABLE shop.events_other PARTITION OF shop.events DEFAULT;
CREATE TABLE shop.tokens_0 PARTITION OF shop.tokens FOR VALUES WITH (modulus 2, remainder 0);
CREATE TABLE shop.tokens_1 PARTITION OF shop.tokens FOR VALUES WITH (modulus 2, remainder 1);
ALTER TABLE shop.events ADD CONSTRAINT events_id_check CHECK ((id > 0));
ALTER TABLE shop.events ADD CONSTRAINT events_pkey PRIMARY KEY (id, created_at, region);
CREATE INDEX events_created_at_idx ON shop.events USING btree (created_at);
ALTER TABLE shop.events ADD CONSTRAINT events_id_fkey FOREIGN KEY (id) REFERENCES shop.customers(id);

-- migrate:down
ALTER TABLE shop.events DROP CONSTRAINT events_id_fkey;
-- destructive: drops a table and its rows (shop.events)
DROP TABLE shop.events;
-- destructive: drops a table and its rows (shop.logs)
DROP TABLE shop.logs;
-- destructive: drops a table and its rows (shop.tokens)
DROP TABLE shop.tokens;
