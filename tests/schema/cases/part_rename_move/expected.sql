-- migrate:up
ALTER TABLE shop.events DROP CONSTRAINT events_pkey;
DROP INDEX shop.events_created_at_idx;
ALTER TABLE shop.events RENAME TO happenings;
ALTER TABLE shop.happenings RENAME COLUMN created_at TO happened_at;
ALTER TABLE shop.happenings RENAME CONSTRAINT events_id_check TO happenings_id_check;
ALTER TABLE shop.happenings RENAME CONSTRAINT events_id_fkey TO happenings_id_fkey;
ALTER TABLE shop.happenings DETACH PARTITION shop.events_2024_02;
ALTER TABLE shop.events_2024_02 DETACH PARTITION shop.events_2024_02_eu;
CREATE TABLE shop.events_2024_03 PARTITION OF shop.happenings FOR VALUES FROM ('2024-03-01') TO ('2024-04-01') PARTITION BY LIST (region);
ALTER TABLE shop.happenings ATTACH PARTITION shop.events_2024_02 FOR VALUES FROM ('2024-02-01') TO ('2024-02-15');
ALTER TABLE shop.events_2024_03 ATTACH PARTITION shop.events_2024_02_eu FOR VALUES IN ('eu', 'uk');
ALTER TABLE shop.happenings ADD CONSTRAINT happenings_pkey PRIMARY KEY (id, happened_at, region);
CREATE INDEX happenings_happened_at_idx ON shop.happenings USING btree (happened_at);

-- migrate:down
ALTER TABLE shop.happenings DROP CONSTRAINT happenings_pkey;
DROP INDEX shop.happenings_happened_at_idx;
ALTER TABLE shop.happenings RENAME TO events;
ALTER TABLE shop.events RENAME COLUMN happened_at TO created_at;
ALTER TABLE shop.events RENAME CONSTRAINT happenings_id_check TO events_id_check;
ALTER TABLE shop.events RENAME CONSTRAINT happenings_id_fkey TO events_id_fkey;
ALTER TABLE shop.events DETACH PARTITION shop.events_2024_02;
ALTER TABLE shop.events_2024_03 DETACH PARTITION shop.events_2024_02_eu;
-- destructive: drops a partition and its rows (shop.events_2024_03)
ALTER TABLE shop.events DETACH PARTITION shop.events_2024_03;
DROP TABLE shop.events_2024_03;
ALTER TABLE shop.events ATTACH PARTITION shop.events_2024_02 FOR VALUES FROM ('2024-02-01') TO ('2024-03-01');
ALTER TABLE shop.events_2024_02 ATTACH PARTITION shop.events_2024_02_eu FOR VALUES IN ('eu', 'uk');
ALTER TABLE shop.events ADD CONSTRAINT events_pkey PRIMARY KEY (id, created_at, region);
CREATE INDEX events_created_at_idx ON shop.events USING btree (created_at);
