-- migrate:up
CREATE SEQUENCE shop.tickets_id_seq AS integer INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1 NO CYCLE;
CREATE SEQUENCE shop.tickets_seq_no_seq AS bigint INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1 NO CYCLE;
CREATE SEQUENCE shop.tickets_tiny_seq AS smallint INCREMENT BY 1 MINVALUE 1 MAXVALUE 32767 START WITH 1 CACHE 1 NO CYCLE;
CREATE TABLE shop.tickets (
	id integer DEFAULT nextval('shop.tickets_id_seq'::regclass) NOT NULL,
	seq_no bigint DEFAULT nextval('shop.tickets_seq_no_seq'::regclass) NOT NULL,
	tiny smallint DEFAULT nextval('shop.tickets_tiny_seq'::regclass) NOT NULL,
	title text NOT NULL
);
ALTER SEQUENCE shop.tickets_id_seq OWNED BY shop.tickets.id;
ALTER SEQUENCE shop.tickets_seq_no_seq OWNED BY shop.tickets.seq_no;
ALTER SEQUENCE shop.tickets_tiny_seq OWNED BY shop.tickets.tiny;
ALTER TABLE shop.tickets ADD CONSTRAINT tickets_pkey PRIMARY KEY (id);

-- migrate:down
-- destructive: drops a table and its rows (shop.tickets)
DROP TABLE shop.tickets;
DROP SEQUENCE IF EXISTS shop.tickets_id_seq;
DROP SEQUENCE IF EXISTS shop.tickets_seq_no_seq;
DROP SEQUENCE IF EXISTS shop.tickets_tiny_seq;
