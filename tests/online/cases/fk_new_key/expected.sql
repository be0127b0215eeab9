== fk_new_key.sql
-- migrate:up
SET LOCAL lock_timeout = '2s';
ALTER TABLE shop.orders ADD COLUMN event_id bigint;
ALTER TABLE shop.events ADD CONSTRAINT events_pkey PRIMARY KEY (id);
ALTER TABLE shop.orders ADD CONSTRAINT orders_event_id_fkey FOREIGN KEY (event_id) REFERENCES shop.events(id) NOT VALID;

-- migrate:down
SET LOCAL lock_timeout = '2s';
ALTER TABLE shop.orders DROP CONSTRAINT orders_event_id_fkey;
ALTER TABLE shop.events DROP CONSTRAINT events_pkey;
-- destructive: drops a column and its values (shop.orders.event_id)
ALTER TABLE shop.orders DROP COLUMN event_id;
== fk_new_key_validate.sql
-- migrate:up
SET LOCAL lock_timeout = '2s';
ALTER TABLE shop.orders VALIDATE CONSTRAINT orders_event_id_fkey;

-- migrate:down
SET LOCAL lock_timeout = '2s';
