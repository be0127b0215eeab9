-- migrate:up
ALTER TABLE shop.bookings DROP CONSTRAINT bookings_during_excl;
ALTER TABLE shop.bookings DROP CONSTRAINT bookings_seats_excl;
ALTER TABLE shop.bookings ADD CONSTRAINT bookings_during_excl EXCLUDE USING gist (during WITH &&);
ALTER TABLE shop.bookings ADD CONSTRAINT bookings_seats_excl EXCLUDE USING gist (int4range(lower(seats), upper(seats)) WITH &&) INCLUDE (room_id) DEFERRABLE INITIALLY DEFERRED;
COMMENT ON CONSTRAINT bookings_during_excl ON shop.bookings IS 'Cancelled bookings count too';
COMMENT ON CONSTRAINT bookings_seats_excl ON shop.bookings IS 'No two bookings share a seat, checked at commit';

-- migrate:down
ALTER TABLE shop.bookings DROP CONSTRAINT bookings_during_excl;
ALTER TABLE shop.bookings DROP CONSTRAINT bookings_seats_excl;
ALTER TABLE shop.bookings ADD CONSTRAINT bookings_during_excl EXCLUDE USING gist (during WITH &&) WHERE ((NOT cancelled));
ALTER TABLE shop.bookings ADD CONSTRAINT bookings_seats_excl EXCLUDE USING gist (int4range(lower(seats), upper(seats)) WITH &&) INCLUDE (room_id) DEFERRABLE;
COMMENT ON CONSTRAINT bookings_seats_excl ON shop.bookings IS 'No two bookings share a seat';
