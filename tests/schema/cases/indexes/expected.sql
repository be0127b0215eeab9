-- migrate:up
DROP INDEX shop.orders_status_idx;
CREATE UNIQUE INDEX orders_lower_idx ON shop.orders USING btree (lower(note));
CREATE INDEX orders_note_idx ON shop.orders USING hash (note);
CREATE INDEX orders_open_idx ON shop.orders USING btree (customer_id DESC, lower(note) NULLS FIRST) INCLUDE (total_cents) WHERE (status = 'new'::shop.status);
CREATE INDEX orders_status_id_idx ON shop.orders USING btree (status, id);

-- migrate:down
DROP INDEX shop.orders_lower_idx;
DROP INDEX shop.orders_note_idx;
DROP INDEX shop.orders_open_idx;
DROP INDEX shop.orders_status_id_idx;
CREATE INDEX orders_status_idx ON shop.orders USING btree (status);
