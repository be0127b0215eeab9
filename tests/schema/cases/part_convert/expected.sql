-- migrate:up
-- destructive: drops a partition and its rows (shop.events_other)
ALTER TABLE shop.events DETACH PARTITION shop.events_other;
DROP TABLE shop.events_other;
CREATE TABLE shop.events_other (
	id bigint NOT NULL,
	note text NOT NULL
);
-- destructive: drops a table and its rows (shop.archive)
DROP TABLE shop.archive;
CREATE TABLE shop.archive PARTITION OF shop.logs DEFAULT;

-- migrate:down
-- destructive: drops a partition and its rows (shop.archive)
ALTER TABLE shop.logs DETACH PARTITION shop.archive;
DROP TABLE shop.archive;
CREATE TABLE shop.archive (
	at date NOT NULL,
	line text NOT NULL
);
-- destructive: drops a table and its rows (shop.events_other)
DROP TABLE shop.events_other;
CREATE TABLE shop.events_other PARTITION OF shop.events DEFAULT;
