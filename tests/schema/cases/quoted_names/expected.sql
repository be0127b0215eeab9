-- migrate:up
CREATE TABLE shop."Order Lines" (
	"select" integer NOT NULL,
	"Qty" numeric(10,2)
);
ALTER TABLE shop."Order Lines" ADD CONSTRAINT "Order ""Lines"" uq" UNIQUE ("select", "Qty");
ALTER TABLE shop."Order Lines" ADD CONSTRAINT "Order Lines_pkey" PRIMARY KEY ("select");
COMMENT ON COLUMN shop."Order Lines"."Qty" IS 'It''s quoted';

-- migrate:down
-- destructive: drops a table and its rows (shop.Order Lines)
DROP TABLE shop."Order Lines";
