-- migrate:up
SELECT "a;
-- migrate:down
";
