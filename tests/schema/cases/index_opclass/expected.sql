-- migrate:up
CREATE INDEX orders_note_c_idx ON shop.orders USING btree (note COLLATE "C" DESC, lower(note) COLLATE "POSIX" text_pattern_ops);
CREATE INDEX orders_note_pattern_idx ON shop.orders USING btree (note text_pattern_ops);

-- migrate:down
DROP INDEX shop.orders_note_c_idx;
DROP INDEX shop.orders_note_pattern_idx;
