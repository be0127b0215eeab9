-- migrate:up
CREATE EXTENSION IF NOT EXISTS citext SCHEMA extensions;
CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA extensions;
ALTER TABLE shop.customers ADD COLUMN nickname extensions.citext;
ALTER TABLE shop.customers ADD COLUMN tags extensions.citext[];
ALTER TABLE shop.customers ADD CONSTRAINT customers_nickname_key UNIQUE (nickname);
ALTER TABLE shop.orders ADD CONSTRAINT note_not_like_status CHECK ((extensions.similarity(note, (status)::text) < (0.9)::double precision));

-- migrate:down
ALTER TABLE shop.customers DROP CONSTRAINT customers_nickname_key;
ALTER TABLE shop.orders DROP CONSTRAINT note_not_like_status;
-- destructive: drops a column and its values (shop.customers.nickname)
ALTER TABLE shop.customers DROP COLUMN nickname;
-- destructive: drops a column and its values (shop.customers.tags)
ALTER TABLE shop.customers DROP COLUMN tags;
