-- migrate:up
-- destructive: drops a column and its values (shop.customers.age)
ALTER TABLE shop.customers DROP COLUMN age;

-- migrate:down
ALTER TABLE shop.customers ADD COLUMN age integer;
