-- migrate:up
ALTER TABLE shop.events RENAME TO happenings;
ALTER TABLE shop.happenings RENAME CONSTRAINT events_id_check TO happenings_id_check;
ALTER TABLE shop.happenings RENAME CONSTRAINT events_id_fkey TO happenings_id_fkey;
ALTER TABLE shop.happenings RENAME CONSTRAINT events_pkey TO happenings_pkey;
ALTER INDEX shop.events_created_at_idx RENAME TO happenings_created_at_idx;
ALTER TABLE shop.happenings DETACH PARTITION shop.events_2024_02;
ALTER TABLE shop.events_2024_02 DETACH PARTITION shop.events_2024_02_eu;
CREATE TABLE shop.events_2024_03 PARTITION OF shop.happenings FOR VALUES FROM ('2024-03-01') TO ('2024-04-01') PARTITION BY LIST (region);
ALTER TABLE shop.happenings ATTACH PARTITION shop.events_2024_02 FOR VALUES FROM ('2024-02-01') TO ('2024-02-15');
ALTER TABLE shop.events_2024_03 ATTACH PARTITION shop.events_2024_02_eu FOR VALUES IN ('eu', 'uk');

-- migrate:down
ALTER TABLE shop.happenings RENAME TO events;
ALTER TABLE shop.events RENAME CONSTRAINT happenings_id_check TO events_id_check;
ALTER TABLE shop.events RENAME CONSTRAINT happenings_id_fkey TO events_id_fkey;
ALTER TABLE shop.events RENAME CONSTRAINT happenings_pkey TO events_pkey;
ALTER INDEX shop.happenings_created_at_idx RENAME TO events_created_at_idx;
ALTER TABLE shop.events DETACH PARTITION shop.events_2024_02;
ALTER TABLE shop.events_2024_03 DETACH PARTITION shop.events_2024_02_eu;
-- destructive: drops a partition and its rows (shop.events_2024_03)
ALTER TABLE shop.events DETACH PARTITION shop.events_2024_03;
DROP TABLE shop.events_2024_03;
ALTER TABLE shop.events ATTACH PARTITION shop.events_2024_02 FOR VALUES FROM ('2024-02-01') TO ('2024-03-01');
ALTER TABLE shop.events_2024_02 ATTACH PARTITION shop.events_2024_02_eu FOR VALUES IN ('eu', 'uk');
