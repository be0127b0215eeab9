-- migrate:up
CREATE TABLE shop.bookings (
	id bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
	room_id integer NOT NULL,
	during tstzrange NOT NULL,
	seats int4range NOT NULL,
	cancelled boolean DEFAULT false NOT NULL
);
CREATE TABLE shop.rooms (
	id integer NOT NULL,
	name text NOT NULL
);
ALTER TABLE shop.bookings ADD CONSTRAINT bookings_during_excl EXCLUDE USING gist (during WITH &&) WHERE ((NOT cancelled));
ALTER TABLE shop.bookings ADD CONSTRAINT bookings_pkey PRIMARY KEY (id);
ALTER TABLE shop.bookings ADD CONSTRAINT bookings_seats_excl EXCLUDE USING gist (int4range(lower(seats), upper(seats)) WITH &&) INCLUDE (room_id) DEFERRABLE;
ALTER TABLE shop.rooms ADD CONSTRAINT rooms_pkey PRIMARY KEY (id);
ALTER TABLE shop.bookings ADD CONSTRAINT bookings_room_id_fkey FOREIGN KEY (room_id) REFERENCES shop.rooms(id);
COMMENT ON CONSTRAINT bookings_seats_excl ON shop.bookings IS 'No two bookings share a seat';

-- migrate:down
ALTER TABLE shop.bookings DROP CONSTRAINT bookings_room_id_fkey;
-- destructive: drops a table and its rows (shop.bookings)
DROP TABLE shop.bookings;
-- destructive: drops a table and its rows (shop.rooms)
DROP TABLE shop.rooms;
