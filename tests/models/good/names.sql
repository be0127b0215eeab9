-- The objects of names.yaml, every name left to PostgreSQL.
CREATE TABLE shop.t (
	a integer NOT NULL, b integer NOT NULL, c text NOT NULL, d text NOT NULL,
	UNIQUE (a, b), UNIQUE (c),
	CHECK (a > 0), CHECK (a > b), CHECK (1 < 2), CHECK (t.a > 1 AND a < 10),
	CHECK (c <> d AND c <> 'x')
);
CREATE TABLE shop.aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa (
	bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb integer NOT NULL UNIQUE,
	c integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	CHECK (c > 0)
);
CREATE TABLE shop."Ué" ("éé" integer NOT NULL UNIQUE);
ALTER TABLE shop.t ADD FOREIGN KEY (a, b) REFERENCES shop.t (a, b);
CREATE INDEX ON shop.t (lower(c));
CREATE INDEX ON shop.t (lower(c), a);
CREATE INDEX ON shop.t ((a + b));
CREATE INDEX ON shop.t ((c::text));
CREATE INDEX ON shop.t ((c || 'x'));
CREATE INDEX ON shop.t (a) INCLUDE (b, c);
CREATE INDEX ON shop.t (a, a);
CREATE INDEX ON shop.t (CAST(a AS bigint));
CREATE INDEX ON shop.t ((CASE WHEN a > 0 THEN 1 END));
CREATE INDEX ON shop.t (upper(c) DESC);
CREATE INDEX ON shop.t (a) WHERE b > 0;
CREATE INDEX ON shop.t (coalesce(a, 0));
CREATE INDEX ON shop.t (greatest(a, b));
CREATE INDEX ON shop.t ((c), nullif(a, b));
CREATE TABLE shop.wide (col0_xxxxxxxxxxxxxxxxxxxxxxxx integer NOT NULL, col1_xxxxxxxxxxxxxxxxxxxxxxxx integer NOT NULL, col2_xxxxxxxxxxxxxxxxxxxxxxxx integer NOT NULL, col3_xxxxxxxxxxxxxxxxxxxxxxxx integer NOT NULL, col4_xxxxxxxxxxxxxxxxxxxxxxxx integer NOT NULL, UNIQUE (col0_xxxxxxxxxxxxxxxxxxxxxxxx, col1_xxxxxxxxxxxxxxxxxxxxxxxx, col2_xxxxxxxxxxxxxxxxxxxxxxxx, col3_xxxxxxxxxxxxxxxxxxxxxxxx, col4_xxxxxxxxxxxxxxxxxxxxxxxx));
ALTER TABLE shop.wide ADD FOREIGN KEY (col0_xxxxxxxxxxxxxxxxxxxxxxxx, col1_xxxxxxxxxxxxxxxxxxxxxxxx, col2_xxxxxxxxxxxxxxxxxxxxxxxx, col3_xxxxxxxxxxxxxxxxxxxxxxxx, col4_xxxxxxxxxxxxxxxxxxxxxxxx) REFERENCES shop.wide (col0_xxxxxxxxxxxxxxxxxxxxxxxx, col1_xxxxxxxxxxxxxxxxxxxxxxxx, col2_xxxxxxxxxxxxxxxxxxxxxxxx, col3_xxxxxxxxxxxxxxxxxxxxxxxx, col4_xxxxxxxxxxxxxxxxxxxxxxxx);
CREATE INDEX ON shop.wide (col0_xxxxxxxxxxxxxxxxxxxxxxxx, col1_xxxxxxxxxxxxxxxxxxxxxxxx, col2_xxxxxxxxxxxxxxxxxxxxxxxx, col3_xxxxxxxxxxxxxxxxxxxxxxxx, col4_xxxxxxxxxxxxxxxxxxxxxxxx);
CREATE TABLE shop."éééééééééééééééééééééééééééééé" ("üüüüüüüüüüüüüüüüüüüüüüüüü" integer NOT NULL UNIQUE, CHECK ("üüüüüüüüüüüüüüüüüüüüüüüüü" > 0));
CREATE INDEX ON shop."éééééééééééééééééééééééééééééé" ("üüüüüüüüüüüüüüüüüüüüüüüüü");
CREATE TABLE shop.slots (r int4range NOT NULL, s int4range NOT NULL, k integer NOT NULL);
ALTER TABLE shop.slots ADD EXCLUDE USING gist (r WITH &&);
ALTER TABLE shop.slots ADD EXCLUDE USING gist (r WITH &&, s WITH &&);
ALTER TABLE shop.slots ADD EXCLUDE USING gist (r WITH &&);
ALTER TABLE shop.slots ADD EXCLUDE USING gist (int4range(lower(s), upper(s)) WITH &&) INCLUDE (k);
ALTER TABLE shop.slots ADD EXCLUDE USING btree (k WITH =);
CREATE TABLE shop.parts (id integer NOT NULL, at date NOT NULL, region text NOT NULL, PRIMARY KEY (id, at, region)) PARTITION BY RANGE (at);
ALTER TABLE shop.parts ADD UNIQUE (region, at);
CREATE TABLE shop.parts_a PARTITION OF shop.parts FOR VALUES FROM ('2024-01-01') TO ('2024-02-01');
CREATE TABLE shop.parts_b PARTITION OF shop.parts DEFAULT PARTITION BY LIST (region);
CREATE TABLE shop.parts_b_eu PARTITION OF shop.parts_b FOR VALUES IN ('eu');
CREATE INDEX ON shop.parts (region);
CREATE INDEX ON shop.parts_a (region);
CREATE INDEX ON shop.parts_a (id);
CREATE UNIQUE INDEX ON shop.parts_a (id, at);
CREATE INDEX ON shop.parts_b (id);
CREATE INDEX ON shop.parts_b_eu (id);
CREATE INDEX ON shop.parts_b_eu (region);
