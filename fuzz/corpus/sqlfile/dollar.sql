-- migrate:up
SELECT $a$;$a$;
-- migrate:down
SELECT 1;
