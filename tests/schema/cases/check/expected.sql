-- migrate:up
ALTER TABLE shop.orders DROP CONSTRAINT orders_total_cents_check;
ALTER TABLE shop.orders ADD CONSTRAINT orders_total_cents_check CHECK (((total_cents >= 0) AND (total_cents < 1000000)));
ALTER TABLE shop.orders ADD CONSTRAINT orders_note_short CHECK ((length(note) < 500));

-- migrate:down
ALTER TABLE shop.orders DROP CONSTRAINT orders_total_cents_check;
ALTER TABLE shop.orders DROP CONSTRAINT orders_note_short;
ALTER TABLE shop.orders ADD CONSTRAINT orders_total_cents_check CHECK ((total_cents >= 0));
