-- migrate:up
ALTER TABLE shop.events ADD COLUMN source text;
ALTER TABLE shop.events_2024_02 DETACH PARTITION shop.events_2024_02_eu;
-- destructive: drops a partition and its rows (shop.events_2024_01)
ALTER TABLE shop.events DETACH PARTITION shop.events_2024_01;
DROP TABLE shop.events_2024_01;
CREATE TABLE shop.events_2024_03 PARTITION OF shop.events FOR VALUES FROM ('2024-03-01') TO ('2024-04-01');
CREATE TABLE shop.logs_default PARTITION OF shop.logs DEFAULT;
ALTER TABLE shop.events_2024_02 ATTACH PARTITION shop.events_2024_02_eu FOR VALUES IN ('eu', 'uk', 'ch');

-- migrate:down
-- destructive: drops a column and its values (shop.events.source)
ALTER TABLE shop.events DROP COLUMN source;
ALTER TABLE shop.events_2024_02 DETACH PARTITION shop.events_2024_02_eu;
-- destructive: drops a partition and its rows (shop.events_2024_03)
ALTER TABLE shop.events DETACH PARTITION shop.events_2024_03;
DROP TABLE shop.events_2024_03;
-- destructive: drops a partition and its rows (shop.logs_default)
ALTER TABLE shop.logs DETACH PARTITION shop.logs_default;
DROP TABLE shop.logs_default;
CREATE TABLE shop.events_2024_01 PARTITION OF shop.events FOR VALUES FROM ('2024-01-01') TO ('2024-02-01');
ALTER TABLE shop.events_2024_02 ATTACH PARTITION shop.events_2024_02_eu FOR VALUES IN ('eu', 'uk');
