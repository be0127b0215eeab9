-- migrate:up
ALTER TABLE shop.orders ADD CONSTRAINT orders_note_short CHECK ((length(note) < 500)) NOT VALID;

-- migrate:down
ALTER TABLE shop.orders DROP CONSTRAINT orders_note_short;
