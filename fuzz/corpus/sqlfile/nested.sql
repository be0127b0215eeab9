-- migrate:up transaction:false
SELECT E'\'';
/* /* */ -- migrate:down
*/
SELECT 'x
-- migrate:down
';
