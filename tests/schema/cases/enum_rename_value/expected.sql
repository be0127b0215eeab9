-- migrate:up
ALTER TYPE shop.status RENAME VALUE 'void' TO 'cancelled';

-- migrate:down
ALTER TYPE shop.status RENAME VALUE 'cancelled' TO 'void';
