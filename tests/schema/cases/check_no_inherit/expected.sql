-- migrate:up
ALTER TABLE shop.orders DROP CONSTRAINT orders_total_cents_check;
ALTER TABLE shop.orders ADD CONSTRAINT orders_total_cents_check CHECK ((total_cents >= 0)) NO INHERIT;
ALTER TABLE shop.orders ADD CONSTRAINT orders_note_check CHECK ((length(note) < 500)) NO INHERIT NOT VALID;

-- migrate:down
ALTER TABLE shop.orders DROP CONSTRAINT orders_total_cents_check;
ALTER TABLE shop.orders DROP CONSTRAINT orders_note_check;
ALTER TABLE shop.orders ADD CONSTRAINT orders_total_cents_check CHECK ((total_cents >= 0));
