-- migrate:up
ALTER TABLE shop.customers RENAME COLUMN age TO age_years;

-- migrate:down
ALTER TABLE shop.customers RENAME COLUMN age_years TO age;
