-- migrate:up
DROP INDEX shop.events_a_note_idx;
DROP INDEX shop.events_a_old;
-- destructive: drops a column and its values (shop.events.note)
ALTER TABLE shop.events DROP COLUMN note;
ALTER TABLE shop.events DETACH PARTITION shop.events_b;
CREATE TABLE shop.events_c PARTITION OF shop.events DEFAULT;
ALTER TABLE shop.events ATTACH PARTITION shop.events_b FOR VALUES FROM ('2024-02-01') TO ('2024-03-01');
CREATE UNIQUE INDEX events_a_key ON shop.events_a USING btree (id, at) WHERE (id > 0);
CREATE INDEX events_b_id_idx ON shop.events_b USING btree (id);
CREATE INDEX events_c_region_id_idx ON shop.events_c USING btree (region, id);
CREATE INDEX events_b_eu_at_idx ON shop.events_b_eu USING brin (at);
COMMENT ON INDEX shop.events_a_key IS 'One event an id in January';

-- migrate:down
DROP INDEX shop.events_a_key;
DROP INDEX shop.events_b_id_idx;
DROP INDEX shop.events_b_eu_at_idx;
ALTER TABLE shop.events ADD COLUMN note text;
ALTER TABLE shop.events DETACH PARTITION shop.events_b;
-- destructive: drops a partition and its rows (shop.events_c)
ALTER TABLE shop.events DETACH PARTITION shop.events_c;
DROP TABLE shop.events_c;
ALTER TABLE shop.events ATTACH PARTITION shop.events_b FOR VALUES FROM ('2024-02-01') TO (MAXVALUE);
CREATE INDEX events_a_note_idx ON shop.events_a USING btree (note);
CREATE INDEX events_a_old ON shop.events_a USING btree (id);
