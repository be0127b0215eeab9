-- migrate:up
CREATE TABLE shop.events (
	id bigint NOT NULL
);
ALTER TABLE shop.events ADD CONSTRAINT events_pkey PRIMARY KEY (id);
CREATE UNIQUE INDEX customers_name_idx ON shop.customers USING btree (name);
ALTER TABLE shop.events REPLICA IDENTITY USING INDEX events_pkey;
ALTER TABLE shop.customers REPLICA IDENTITY USING INDEX customers_name_idx;
ALTER TABLE shop.orders REPLICA IDENTITY FULL;

-- migrate:down
ALTER TABLE shop.customers REPLICA IDENTITY DEFAULT;
DROP INDEX shop.customers_name_idx;
-- destructive: drops a table and its rows (shop.events)
DROP TABLE shop.events;
ALTER TABLE shop.orders REPLICA IDENTITY DEFAULT;
