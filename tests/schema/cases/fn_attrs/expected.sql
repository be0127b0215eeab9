-- migrate:up
CREATE OR REPLACE FUNCTION shop.label(s shop.status)
 RETURNS text
 LANGUAGE plpgsql
 IMMUTABLE PARALLEL SAFE COST 1
AS $function$BEGIN
  RETURN initcap(s::text);
END
$function$;
CREATE OR REPLACE FUNCTION shop.open_ids(since bigint)
 RETURNS SETOF bigint
 LANGUAGE sql
 STABLE PARALLEL RESTRICTED STRICT SECURITY DEFINER ROWS 20
AS $function$SELECT id FROM shop.orders WHERE id > since$function$;
COMMENT ON FUNCTION shop.label(s shop.status) IS NULL;

-- migrate:down
CREATE OR REPLACE FUNCTION shop.label(s shop.status)
 RETURNS text
 LANGUAGE sql
AS $function$SELECT initcap(s::text)$function$;
CREATE OR REPLACE FUNCTION shop.open_ids(since bigint)
 RETURNS SETOF bigint
 LANGUAGE sql
 SET work_mem TO '8MB'
AS $function$SELECT id FROM shop.orders WHERE id > since$function$;
COMMENT ON FUNCTION shop.label(s shop.status) IS 'A status for people';
