-- migrate:up
SET LOCAL lock_timeout = '2s';
CREATE TABLE lint.fresh (id bigint PRIMARY KEY, the_date_on_which_the_customer_first_confirmed_their_email_address timestamptz);
